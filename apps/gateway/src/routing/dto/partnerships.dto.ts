import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_KINDS,
  COOPERATION_AREAS,
  PARTICIPANT_ROLES,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  type ActivityKind,
  type CooperationArea,
  type ParticipantRole,
  type PartnershipStatus,
  type PartnershipType,
} from '@c2c/contracts';

// Documentation of the partnerships service's bodies (apps/partnerships/src/partnerships/dto) as the
// gateway publishes them. The partnerships service validates them (it owns the rules); the gateway
// forwards bodies untouched, so a field added there works at once and only this description lags.
// The vocabularies are the contracts' own, so an added area or kind shows here without an edit.

const uuids = (description: string, extra: Record<string, unknown> = {}) => ({
  type: 'array' as const,
  items: { type: 'string' as const, format: 'uuid' },
  description,
  ...extra,
});

export class SignatoryDoc {
  @ApiProperty({ maxLength: 200, example: 'Eri Cahyadi' }) name!: string;
  @ApiPropertyOptional({ maxLength: 200, example: 'Mayor of Surabaya' }) title?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The city the signatory signed for.' })
  cityId?: string;
}

/** The signed agreement: where, when and by whom. */
export class AgreementDoc {
  @ApiPropertyOptional({ maxLength: 200, example: 'Kitakyushu City Hall' }) place?: string;
  @ApiPropertyOptional({ format: 'date', example: '2026-03-24' }) signedOn?: string;
  @ApiProperty({ type: [SignatoryDoc], maxItems: 50 }) signatories!: SignatoryDoc[];
}

export class ProposePartnershipDoc {
  @ApiProperty({ enum: PARTNERSHIP_TYPES }) type!: PartnershipType;
  @ApiProperty({ maxLength: 200, example: 'Surabaya–Kitakyushu Green Sister City' }) title!: string;
  @ApiPropertyOptional({ maxLength: 4000 }) description?: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The proposing city; it accepts by proposing. A city officer proposes for its own city.',
  })
  proposerCityId!: string;

  @ApiProperty(
    uuids(
      'The cities invited (the proposer may be listed too). With the proposer: two or more known, ' +
        'unarchived cities in two or more countries, none twice.',
      { minItems: 1, maxItems: 100 },
    ),
  )
  participantCityIds!: string[];

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...COOPERATION_AREAS] },
    minItems: 1,
    uniqueItems: true,
  })
  cooperationAreas!: CooperationArea[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'integer', minimum: 1, maximum: 17 },
    uniqueItems: true,
    description: 'UN Sustainable Development Goal numbers.',
  })
  sdgTags?: number[];

  @ApiPropertyOptional({ format: 'date', example: '2026-04-01' }) startDate?: string;
  @ApiPropertyOptional({ format: 'date', example: '2031-03-31', description: 'Not before startDate.' })
  endDate?: string;

  @ApiPropertyOptional({ type: AgreementDoc }) agreement?: AgreementDoc;
}

export class AcceptPartnershipDoc {
  @ApiProperty({
    format: 'uuid',
    description: 'The participant city that accepts; a city officer accepts for its own city.',
  })
  cityId!: string;
}

export class DeclinePartnershipDoc {
  @ApiProperty({ format: 'uuid', description: 'The invited city that declines.' }) cityId!: string;
  @ApiPropertyOptional({ maxLength: 1000 }) reason?: string;
}

/** Withdrawal, suspension, resumption, termination: why, for the history and the event. */
export class StatusChangeDoc {
  @ApiProperty({ maxLength: 1000, example: 'New city administration reviewing all agreements.' })
  reason!: string;
}

/** A best practice moving from one city to another. */
export class PracticeTransferDoc {
  @ApiProperty({ format: 'uuid', description: 'The practice in the best-practice library.' })
  bestPracticeId!: string;
  @ApiProperty({ format: 'uuid', description: 'The city the practice comes from.' }) sourceCityId!: string;
  @ApiProperty({ format: 'uuid', description: 'The city adapting it.' }) adoptingCityId!: string;
}

export class RecordActivityDoc {
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: ActivityKind;
  @ApiProperty({ maxLength: 200 }) title!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiPropertyOptional({ format: 'date', description: 'Omitted for a one-day or ongoing activity.' })
  endDate?: string;
  @ApiProperty(uuids('Cities taking part.', { minItems: 1, maxItems: 100, uniqueItems: true }))
  participatingCityIds!: string[];
  @ApiPropertyOptional({ maxLength: 4000 }) outcomes?: string;
  @ApiPropertyOptional({
    type: PracticeTransferDoc,
    description: 'Required when kind is practice-transfer.',
  })
  practiceTransfer?: PracticeTransferDoc;
}

export class ParticipantDoc {
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'JP' }) countryCode!: string;
  @ApiProperty({ enum: PARTICIPANT_ROLES }) role!: ParticipantRole;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null until it accepts.' })
  acceptedAt!: string | null;
}

export class PartnershipDoc {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PARTNERSHIP_TYPES }) type!: PartnershipType;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: PARTNERSHIP_STATUSES }) status!: PartnershipStatus;
  @ApiProperty({ format: 'uuid' }) proposerCityId!: string;
  @ApiProperty({ type: [ParticipantDoc] }) participants!: ParticipantDoc[];
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...COOPERATION_AREAS] } })
  cooperationAreas!: CooperationArea[];
  @ApiProperty({ type: 'array', items: { type: 'integer', minimum: 1, maximum: 17 } }) sdgTags!: number[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty({ type: AgreementDoc, nullable: true }) agreement!: AgreementDoc | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastActivityOn!: string | null;
  @ApiProperty({ description: 'Flagged dormant: no activity for the configured number of months.' })
  dormant!: boolean;
  @ApiProperty({ description: 'Bumped by every change.' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class HistoryEntryDoc {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'suspended', description: 'The change, named like its event.' }) action!: string;
  @ApiProperty({
    type: String,
    enum: PARTNERSHIP_STATUSES,
    nullable: true,
    description: 'Null when proposed.',
  })
  fromStatus!: PartnershipStatus | null;
  @ApiProperty({ enum: PARTNERSHIP_STATUSES }) toStatus!: PartnershipStatus;
  @ApiProperty({ type: String, nullable: true, description: 'The user; null when the platform acted.' })
  actorId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The city acted for or about.' })
  cityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The id of the event that announced it.' }) eventId!: string;
}

export class ActivityDoc {
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: ActivityKind;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty(uuids('Cities taking part.')) participatingCityIds!: string[];
  @ApiPropertyOptional() outcomes?: string;
  @ApiPropertyOptional({ type: PracticeTransferDoc }) practiceTransfer?: PracticeTransferDoc;
}
