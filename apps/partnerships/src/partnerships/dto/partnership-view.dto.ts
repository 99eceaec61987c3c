import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_KINDS,
  COOPERATION_AREAS,
  PARTICIPANT_ROLES,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
} from '@c2c/contracts';
import { AgreementDto } from './propose-partnership.dto';
import { PracticeTransferDto } from './record-activity.dto';

export class ParticipantView {
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'JP' }) countryCode!: string;
  @ApiProperty({ enum: PARTICIPANT_ROLES }) role!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt!: string | null;
}

export class PartnershipView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PARTNERSHIP_TYPES }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: PARTNERSHIP_STATUSES }) status!: string;
  @ApiProperty({ format: 'uuid' }) proposerCityId!: string;
  @ApiProperty({ type: [ParticipantView] }) participants!: ParticipantView[];
  @ApiProperty({ enum: COOPERATION_AREAS, isArray: true }) cooperationAreas!: string[];
  @ApiProperty({ type: [Number] }) sdgTags!: number[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty({ type: AgreementDto, nullable: true }) agreement!: AgreementDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastActivityOn!: string | null;
  @ApiProperty({ description: 'Flagged dormant: no activity for the configured number of months.' })
  dormant!: boolean;
  @ApiProperty({ description: 'Bumped by every change.' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class HistoryEntryView {
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

export class ActivityView {
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) participatingCityIds!: string[];
  @ApiPropertyOptional() outcomes?: string;
  @ApiPropertyOptional({ type: PracticeTransferDto }) practiceTransfer?: PracticeTransferDto;
}
