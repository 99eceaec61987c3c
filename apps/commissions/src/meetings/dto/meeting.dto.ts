import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsISO8601, IsOptional, IsTimeZone, IsUrl, IsUUID, ValidateNested } from 'class-validator';
import { IsText } from '../../commissions/dto/text.decorator';
import { MEETING_STATUSES, type Meeting } from '../meeting';
import { MaxItems, UniqueItems } from '@c2c/platform';

/** One agenda item. */
export class AgendaItemDto {
  @ApiProperty({ maxLength: 300, example: 'Community-based waste management' })
  @IsText(300)
  title!: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsText(4000)
  description?: string;
}

/** `POST /commissions/{id}/meetings`. At least one of `hostCityId` and `onlineUrl` (400 naming both). */
export class ScheduleMeetingDto {
  @ApiProperty({ maxLength: 300, example: 'Second meeting of the commission, Surabaya' })
  @IsText(300)
  title!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-10-14T02:00:00Z',
    description: 'The instant it starts.',
  })
  @IsISO8601({ strict: true })
  startsAt!: string;

  // The pattern is the shape of a zone name; which names exist is the runtime's time-zone table.
  @ApiProperty({
    example: 'Asia/Jakarta',
    description: 'IANA time zone of the meeting.',
    pattern: '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$',
    maxLength: 64,
  })
  @IsTimeZone()
  timeZone!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The city hosting the meeting in person.' })
  @IsOptional()
  @IsUUID()
  hostCityId?: string;

  @ApiPropertyOptional({ format: 'uri', example: 'https://meet.example.org/c2c-2026-10' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  onlineUrl?: string;

  @ApiPropertyOptional({ type: [AgendaItemDto], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @MaxItems(50)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];
}

/** `POST …/meetings/{mid}/minutes`: the meeting was held; who attended, and its minutes. */
export class HoldMeetingDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Cities represented at the meeting.' })
  @IsArray()
  @MaxItems(500)
  @UniqueItems()
  @IsUUID('all', { each: true })
  attendingCityIds!: string[];

  @ApiProperty({ maxLength: 50000 })
  @IsText(50000)
  minutes!: string;
}

/** `POST …/meetings/{mid}/cancellation`. */
export class CancelMeetingDto {
  @ApiProperty({ maxLength: 4000, example: 'Postponed because of the typhoon warning.' })
  @IsText(4000)
  reason!: string;
}

export class AgendaItemResponse {
  @ApiProperty() title!: string;
  @ApiPropertyOptional() description?: string;
}

/** A commission meeting; its `version` is also its ETag, `W/"<version>"`. */
export class MeetingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) commissionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ example: 'Asia/Jakarta' }) timeZone!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) hostCityId!: string | null;
  @ApiProperty({ type: String, format: 'uri', nullable: true }) onlineUrl!: string | null;
  @ApiProperty({ type: [AgendaItemResponse] }) agenda!: AgendaItemResponse[];
  @ApiProperty({ enum: MEETING_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'In the meeting’s time zone.' })
  heldOn!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) attendingCityIds!: string[];
  @ApiProperty({ type: String, nullable: true }) minutes!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancellationReason!: string | null;
  @ApiProperty({ description: 'Bumped by every change; the ETag is W/"<version>".' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const toMeetingResponse = (m: Meeting): MeetingResponse => ({
  id: m.id,
  commissionId: m.commissionId,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
  timeZone: m.timeZone,
  hostCityId: m.hostCityId,
  onlineUrl: m.onlineUrl,
  agenda: m.agenda,
  status: m.status,
  heldOn: m.heldOn,
  attendingCityIds: m.attendingCityIds,
  minutes: m.minutes,
  cancellationReason: m.cancellationReason,
  version: m.version,
  createdAt: m.createdAt.toISOString(),
});
