import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IdParams, IsOmittable, MaxItems, MinItems } from '@c2c/platform';
import { IsArray, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { DeliveryAttempt, WebhookDelivery, WebhookSubscription } from '../webhook';

/** An exact event type, `prefix.*` or `*`; validated and documented from this one expression. */
const EVENT_TYPE_SELECTOR = /^(\*|[a-z0-9.-]+(\.\*)?)$/;

/** `POST /webhooks`. */
export class CreateWebhookDto {
  @ApiProperty({
    format: 'uri',
    maxLength: 2000,
    example: 'https://partners.example.org/c2c/webhooks',
    description:
      'https (unless the service allows http); a private or loopback address is refused unless the ' +
      'service allows them, link-local and cloud metadata addresses always. Checked again at each delivery ' +
      'on the address connected to; redirects are not followed.',
  })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', pattern: EVENT_TYPE_SELECTOR.source },
    example: ['c2c.partnership.*', 'c2c.commission.action-overdue.v1'],
    description:
      'Event types to receive: exact types, `prefix.*` wildcards, or `*`; each selects at least one.',
  })
  @IsArray()
  @MinItems(1)
  @MaxItems(50)
  @Matches(EVENT_TYPE_SELECTOR, {
    each: true,
    message: 'each eventTypes entry must be an event type, prefix.* or *',
  })
  eventTypes!: string[];

  @ApiPropertyOptional({ maxLength: 500, example: 'Partner portal of the Kitakyushu Asian Center' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class DeliveryParams extends IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  did!: string;
}

export class WebhookResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uri' }) url!: string;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['gone', 'consecutive-failures', 'failing-too-long', null],
    description: 'Why it was disabled.',
  })
  disabledReason!: string | null;
  @ApiProperty({ description: 'Deliveries failed in a row since the last success.' })
  consecutiveFailures!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until then the previous secret still signs.',
  })
  previousSecretExpiresAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** The subscription with its signing secret: answered once, at creation or rotation, and never again. */
export class WebhookWithSecretResponse extends WebhookResponse {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Standard Webhooks signing secret (`whsec_` + base64). Shown only now: keep it.',
  })
  secret!: string;
}

export class DeliveryAttemptResponse {
  @ApiProperty() attempt!: number;
  @ApiProperty({ format: 'date-time' }) attemptedAt!: string;
  @ApiProperty({ enum: ['delivered', 'retry', 'gone', 'rejected', 'refused'] }) outcome!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The receiver’s HTTP status.' }) statusCode!:
    number | null;
  @ApiProperty() latencyMs!: number;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

export class DeliveryResponse {
  @ApiProperty({ format: 'uuid', description: 'Also the `webhook-id` header, as `msg_<id>`.' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time', description: 'When it is tried next (while pending).' })
  nextAttemptAt!: string;
  @ApiProperty({ type: Number, nullable: true }) lastStatusCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ type: [DeliveryAttemptResponse] }) attemptLog!: DeliveryAttemptResponse[];
}

export const toWebhookResponse = (s: WebhookSubscription): WebhookResponse => ({
  id: s.id,
  url: s.url,
  eventTypes: s.eventTypes,
  description: s.description,
  status: s.status,
  disabledReason: s.disabledReason,
  consecutiveFailures: s.health.consecutiveFailures,
  previousSecretExpiresAt:
    s.previousSecretExpiresAt === null ? null : s.previousSecretExpiresAt.toISOString(),
  createdAt: s.createdAt.toISOString(),
});

export const toWebhookWithSecret = (s: WebhookSubscription): WebhookWithSecretResponse => ({
  ...toWebhookResponse(s),
  secret: s.secret,
});

export const toDeliveryResponse = (
  d: WebhookDelivery & { attemptLog?: DeliveryAttempt[] },
): DeliveryResponse => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt.toISOString(),
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  deliveredAt: d.deliveredAt === null ? null : d.deliveredAt.toISOString(),
  attemptLog: (d.attemptLog ?? []).map((a) => ({ ...a, attemptedAt: a.attemptedAt.toISOString() })),
});
