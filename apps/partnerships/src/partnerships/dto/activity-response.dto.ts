import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_KINDS, type PartnershipActivity } from '@c2c/contracts';
import { PracticeTransferDto } from './record-activity.dto';

/** A recorded activity as the API answers it: the activity the event carries. */
export class ActivityResponse {
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) participatingCityIds!: string[];
  @ApiPropertyOptional() outcomes?: string;
  @ApiPropertyOptional({ type: PracticeTransferDto }) practiceTransfer?: PracticeTransferDto;
}

// Absent optional fields stay absent, as in the event, rather than being sent as null.
export const toActivityResponse = (a: PartnershipActivity): ActivityResponse => ({
  activityId: a.activityId,
  kind: a.kind,
  title: a.title,
  startDate: a.startDate,
  endDate: a.endDate,
  participatingCityIds: a.participatingCityIds,
  ...(a.outcomes === undefined ? {} : { outcomes: a.outcomes }),
  ...(a.practiceTransfer === undefined ? {} : { practiceTransfer: a.practiceTransfer }),
});
