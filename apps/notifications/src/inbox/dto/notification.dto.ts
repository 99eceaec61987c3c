import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@c2c/platform';
import { IsIn, IsOptional } from 'class-validator';
import { NOTIFYING_EVENT_TYPES } from '../../audiences/audience-table';
import type { UserInboxEntry } from '../inbox-entry';

/** `GET /notifications`: the caller's inbox, unread first. */
export class ListNotificationsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NOTIFYING_EVENT_TYPES, description: 'Only notifications of this event type.' })
  @IsOptional()
  @IsIn(NOTIFYING_EVENT_TYPES)
  type?: string;
}

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'c2c.partnership.proposed.v1', description: 'The event it tells of.' })
  type!: string;
  @ApiProperty({ format: 'uuid', description: 'The event’s id (its CloudEvent `id`).' }) eventId!: string;
  @ApiProperty({
    example: 'city:5b0e8a52-95f5-4d8e-9a8f-0b6c1b7f7a11',
    description: 'Who it was addressed to.',
  })
  audience!: string;
  @ApiProperty({ example: 'Partnership proposed: Surabaya–Kitakyushu Green Sister City' }) subject!: string;
  @ApiProperty({ description: 'Plain text.' }) body!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: unread.' })
  readAt!: string | null;
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationResponse], description: 'Unread first, then newest first.' })
  items!: NotificationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({
    description: 'How many of all the caller’s notifications are unread (whatever `type` says).',
  })
  unreadCount!: number;
}

export class ReadAllResponse {
  @ApiProperty({ description: 'How many were unread and are now read.' }) marked!: number;
}

export const toNotificationResponse = (e: UserInboxEntry): NotificationResponse => ({
  id: e.id,
  type: e.eventType,
  eventId: e.eventId,
  audience: e.audience,
  subject: e.subject,
  body: e.body,
  occurredAt: e.occurredAt.toISOString(),
  readAt: e.readAt === null ? null : e.readAt.toISOString(),
});
