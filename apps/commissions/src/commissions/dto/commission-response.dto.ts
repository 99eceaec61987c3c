import { ApiProperty } from '@nestjs/swagger';
import type { CommissionPage, CommissionView } from '../commission';

/** A commission as the API answers it; its `version` is also its ETag, `W/"<version>"`. */
export class CommissionResponse {
  @ApiProperty({ format: 'uuid', example: 'c0000000-0000-4000-8000-000000000001' }) id!: string;
  @ApiProperty({ description: 'First, second or third commission of the forum.', minimum: 1, maximum: 3 })
  number!: number;
  @ApiProperty({ example: 'City to City Cooperation' }) name!: string;
  @ApiProperty() mandate!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) mandateStartsOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) mandateEndsOn!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'A member city.' })
  chairCityId!: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Member cities, oldest admission first.' })
  viceChairCityIds!: string[];
  @ApiProperty({ description: 'How many cities are members now.' }) memberCount!: number;
  @ApiProperty({ description: 'Bumped by every change; the ETag is W/"<version>".' }) version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export const toCommissionResponse = (c: CommissionView): CommissionResponse => ({
  id: c.id,
  number: c.number,
  name: c.name,
  mandate: c.mandate,
  mandateStartsOn: c.mandateStartsOn,
  mandateEndsOn: c.mandateEndsOn,
  chairCityId: c.chairCityId,
  viceChairCityIds: c.viceChairCityIds,
  memberCount: c.memberCount,
  version: c.version,
  updatedAt: c.updatedAt.toISOString(),
});

export class AreaCountResponse {
  @ApiProperty({ example: 'environment-and-climate' }) cooperationArea!: string;
  @ApiProperty({ example: 4 }) count!: number;
}

export class ActivePartnershipsResponse {
  @ApiProperty({ description: 'Active partnerships with at least one member city of the commission.' })
  total!: number;
  @ApiProperty({
    type: [AreaCountResponse],
    description:
      'Most first. A partnership counts in each of its areas, so these may sum to more than `total`.',
  })
  byCooperationArea!: AreaCountResponse[];
}

/** `GET /commissions/{id}`: the commission and its member cities' active partnerships. */
export class CommissionPageResponse extends CommissionResponse {
  @ApiProperty({
    type: ActivePartnershipsResponse,
    description:
      'From the partnerships topic, read live: not part of the version (a change of partnerships does not ' +
      'change the ETag).',
  })
  activePartnerships!: ActivePartnershipsResponse;
}

export const toCommissionPageResponse = (page: CommissionPage): CommissionPageResponse => ({
  ...toCommissionResponse(page.commission),
  activePartnerships: page.activePartnerships,
});
