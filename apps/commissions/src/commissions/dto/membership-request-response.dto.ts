import { ApiProperty } from '@nestjs/swagger';
import { REQUEST_STATUSES, type MembershipRequest } from '../commission';
import { MembershipResponse } from './membership-response.dto';

/** A city's application to a commission; its `version` is also its ETag, `W/"<version>"`. */
export class MembershipRequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) commissionId!: string;
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiProperty() motivation!: string;
  @ApiProperty({
    enum: REQUEST_STATUSES,
    description: '`ended`: by the platform, when the city was archived while it waited.',
  })
  status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who decided; null for the platform.' })
  decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was rejected or ended.' })
  reason!: string | null;
  @ApiProperty({ description: 'Bumped by every change; the ETag is W/"<version>".' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const toMembershipRequestResponse = (r: MembershipRequest): MembershipRequestResponse => ({
  id: r.id,
  commissionId: r.commissionId,
  cityId: r.cityId,
  motivation: r.motivation,
  status: r.status,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decidedBy: r.decidedBy,
  reason: r.reason,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
});

/** An approved request, with the membership it created. */
export class ApprovalResponse extends MembershipRequestResponse {
  @ApiProperty({ type: MembershipResponse }) membership!: MembershipResponse;
}
