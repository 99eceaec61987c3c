import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const DEAD_LETTER_REASONS = [
  'malformed-envelope',
  'invalid-data',
  'foreign-source',
  'type-not-of-topic',
  'rejected',
  'handler-failed',
  'unknown',
];

/** A Kafka offset as kafkajs gives it: a decimal string (it may exceed a JavaScript number). */
const OFFSET = /^\d{1,19}$/;

/** One dead letter of a consumer group, as an operator lists it. */
export class DeadLetterResponse {
  @ApiProperty({
    type: 'integer',
    description: 'Partition of the dead-letter topic: with `offset`, what a replay names.',
  })
  partition!: number;

  @ApiProperty({ example: '42', description: 'Offset on the dead-letter topic (a decimal string).' })
  offset!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The event id (`ce_id`).' })
  eventId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'c2c.city.registered.v1' })
  eventType!: string | null;

  @ApiProperty({ enum: DEAD_LETTER_REASONS, description: '`handler-failed` may succeed once replayed.' })
  reason!: string;

  @ApiProperty({ description: 'The last error, as the consumer logged it.' })
  error!: string;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ example: 'c2c.cities.v1' })
  originalTopic!: string;

  @ApiProperty({ type: Number, nullable: true })
  originalPartition!: number | null;

  @ApiProperty({ type: String, nullable: true })
  originalOffset!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When it was dead-lettered (empty when unknown).' })
  failedAt!: string;

  @ApiProperty({ description: 'The event has since been applied (by a replay or a later redelivery).' })
  resolved!: boolean;
}

/** A dead letter with the record itself: its key, headers and data. */
export class DeadLetterDetailResponse extends DeadLetterResponse {
  @ApiProperty({ type: String, nullable: true, description: 'The record key (the aggregate id).' })
  key!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  headers!: Record<string, string>;

  @ApiProperty({
    nullable: true,
    description: 'The record value: parsed when it is JSON, else its text.',
    oneOf: [{ type: 'object' }, { type: 'array' }, { type: 'string' }, { type: 'number' }],
  })
  data!: unknown;
}

// Years 1000-9999: IsISO8601 reads years below 100 as 19xx and refuses them (schemathesis found
// `0024-09-10T…`), and no letter is that old; the same expression validates and documents.
const SINCE = /^[1-9]\d{3}-\d{2}-\d{2}T/;

/** Which dead letters a list (or a replay) takes: by event type, failed at or after a time. */
export class DeadLetterFilterQuery {
  @ApiPropertyOptional({ example: 'c2c.city.registered.v1', maxLength: 200 })
  @IsOptional()
  @MaxLength(200)
  type?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    // Documented as validated: `format` alone only annotates in JSON Schema 2020-12.
    pattern: SINCE.source,
    description: 'Only letters dead-lettered at or after this time.',
  })
  @IsOptional()
  @Matches(SINCE, { message: '$property must be a date-time with a four-digit year from 1000' })
  @IsISO8601({ strict: true })
  since?: string;
}

/** A dead letter's position on the dead-letter topic. */
export class DeadLetterPositionParams {
  @ApiProperty({ type: 'integer', minimum: 0 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  partition!: number;

  @ApiProperty({ pattern: OFFSET.source, example: '42' })
  @Matches(OFFSET, { message: 'offset must be a decimal Kafka offset' })
  offset!: string;
}

/**
 * What to replay: one letter by position (`partition` and `offset`), or every unresolved letter a
 * filter takes (`type`, `since`), or all of them (`all: true`). A replay with none of these is
 * refused: replaying everything is said out loud.
 */
export class ReplayDeadLettersDto extends DeadLetterFilterQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'With `offset`: the one letter to replay.',
  })
  @ValidateIf((body: ReplayDeadLettersDto) => body.partition !== undefined || body.offset !== undefined)
  @IsInt()
  @Min(0)
  partition?: number;

  @ApiPropertyOptional({ pattern: OFFSET.source, example: '42' })
  @ValidateIf((body: ReplayDeadLettersDto) => body.partition !== undefined || body.offset !== undefined)
  @Matches(OFFSET, { message: 'offset must be a decimal Kafka offset' })
  offset?: string;

  @ApiPropertyOptional({ description: 'Replay every unresolved letter.' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}

/** One replayed letter and what the consumer made of it this time. */
export class ReplayResultResponse {
  @ApiProperty({ type: 'integer' })
  partition!: number;

  @ApiProperty()
  offset!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  eventId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  eventType!: string | null;

  @ApiProperty({
    enum: ['applied', 'duplicate', 'skipped', 'dead-lettered'],
    description:
      '`dead-lettered`: it failed again and is a new dead letter (this one stays); `duplicate`: its ' +
      'event was applied already (a resolved letter is never replayed).',
  })
  outcome!: string;
}

export class ReplayResponse {
  @ApiProperty({ type: [ReplayResultResponse] })
  replayed!: ReplayResultResponse[];
}

export class DeadLetterListResponse {
  @ApiProperty({ type: [DeadLetterResponse], description: 'Oldest first per partition.' })
  items!: DeadLetterResponse[];
}
