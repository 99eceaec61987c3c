import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@c2c/platform';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { REQUEST_STATUSES, type RequestStatus } from '../commission';

/** `GET /memberships`: current memberships, filtered; the city dossier asks with `cityId`. */
export class ListMembershipsDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the memberships of this city.' })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the memberships of this commission.' })
  @IsOptional()
  @IsUUID()
  commissionId?: string;
}

/** `GET /commissions/{id}/membership-requests`: a page, optionally of one status. */
export class ListMembershipRequestsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;
}
