import { ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES, PartnershipStatus, PartnershipType } from '@c2c/contracts';
import { PageQueryDto } from '@c2c/platform';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** `GET /partnerships`: filters and the page. The city dossier lists a city's with `cityId`. */
export class ListPartnershipsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARTNERSHIP_STATUSES })
  @IsOptional()
  @IsIn(PARTNERSHIP_STATUSES)
  status?: PartnershipStatus;

  @ApiPropertyOptional({ enum: PARTNERSHIP_TYPES })
  @IsOptional()
  @IsIn(PARTNERSHIP_TYPES)
  type?: PartnershipType;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only partnerships this city takes part in.' })
  @IsOptional()
  @IsUUID()
  cityId?: string;
}
