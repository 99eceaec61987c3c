import { ApiProperty } from '@nestjs/swagger';
import { PARTNERSHIP_STATUSES } from '@c2c/contracts';
import type { HistoryEntry } from '../partnership.types';

/** One change of a partnership as the API answers it. */
export class HistoryEntryResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'suspended', description: 'The change, named like its event.' }) action!: string;
  @ApiProperty({ enum: PARTNERSHIP_STATUSES, nullable: true }) fromStatus!: string | null;
  @ApiProperty({ enum: PARTNERSHIP_STATUSES }) toStatus!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The user; null when the platform acted.' })
  actorId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The city acted for or about.' })
  cityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The ce_id of the event that announced it.' }) eventId!: string;
}

export const toHistoryEntryResponse = (h: HistoryEntry): HistoryEntryResponse => ({
  at: h.at.toISOString(),
  action: h.action,
  fromStatus: h.fromStatus,
  toStatus: h.toStatus,
  actorId: h.actorId,
  cityId: h.cityId,
  reason: h.reason,
  eventId: h.eventId,
});
