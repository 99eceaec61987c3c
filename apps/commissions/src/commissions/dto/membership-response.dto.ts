import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_ROLES, MEMBERSHIP_STATUSES, type Membership } from '../commission';
import type { MembershipView } from '../usecases/ports';

/** A city's membership of a commission; its `version` is also its ETag, `W/"<version>"`. */
export class MembershipResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) commissionId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'City to City Cooperation' })
  commissionName!: string | null;
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null while the city is still on its way here.' })
  cityName!: string | null;
  @ApiProperty({ enum: MEMBER_ROLES }) role!: string;
  @ApiProperty({ format: 'date', description: 'The day the city was admitted.' }) since!: string;
  @ApiProperty({
    enum: MEMBERSHIP_STATUSES,
    description: '`ended`: by the platform (the city was archived).',
  })
  status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) endReason!: string | null;
  @ApiProperty({ description: 'Bumped by every change; the ETag is W/"<version>".' }) version!: number;
}

export const toMembershipResponse = (m: Membership | MembershipView): MembershipResponse => ({
  id: m.id,
  commissionId: m.commissionId,
  commissionName: 'commissionName' in m ? m.commissionName : null,
  cityId: m.cityId,
  cityName: 'cityName' in m ? m.cityName : null,
  role: m.role,
  since: m.since,
  status: m.status,
  endedAt: m.endedAt?.toISOString() ?? null,
  endReason: m.endReason,
  version: m.version,
});
