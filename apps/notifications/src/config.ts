import { GatewayVerifiedServiceConfig } from '@c2c/auth';
import { loadConfig } from '@c2c/platform';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

// Environment strings "true"/"false"; Boolean("false") would be true.
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class NotificationsConfig extends GatewayVerifiedServiceConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = 3004;

  /** Rebuild the city read model from the start of `c2c.cities.v1` when it is found empty at start. */
  @Transform(toBoolean)
  @IsBoolean()
  CITY_MODEL_REBUILD_ON_EMPTY = true;

  /** The secretariat's mailbox: where e-mails to the secretariat audience go. */
  @IsEmail()
  SECRETARIAT_EMAIL = 'secretariat@asianmayorsforum.example';

  /** The sender of every e-mail. */
  @IsEmail()
  EMAIL_FROM = 'notifications@asianmayorsforum.example';

  /** SMTP server; unset: e-mails are recorded and wait, never lost, until one is configured. */
  @IsOptional()
  @IsString()
  SMTP_HOST?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  /** Implicit TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  @Transform(toBoolean)
  @IsBoolean()
  SMTP_SECURE = false;

  /** Refuse to send unless STARTTLS succeeds (on a port without implicit TLS). */
  @Transform(toBoolean)
  @IsBoolean()
  SMTP_REQUIRE_TLS = false;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SMTP_PASSWORD?: string;

  /**
   * SMTP connections each instance keeps open to the server, at most: messages sent at once beyond
   * them wait for a free one. Raise it for a relay that takes many; lower it for one that limits
   * connections per client.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  SMTP_MAX_CONNECTIONS = 5;

  /** How often each instance sends what is due, e-mails and webhooks alike; 0 turns both senders off. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  DELIVERY_INTERVAL_MS = 1_000;

  /** First retry after a failed send, doubled each time (with jitter) up to the cap. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  DELIVERY_RETRY_BASE_MS = 5_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  DELIVERY_RETRY_CAP_MS = 60 * 60_000;

  /**
   * Webhook targets on loopback or private addresses are refused unless true (local tests). Link-local
   * and cloud metadata addresses are refused whatever this says.
   */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOKS_ALLOW_PRIVATE_TARGETS = false;

  /** Accept `http:` webhook targets; otherwise `https:` only. */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOKS_ALLOW_HTTP = false;

  /** One attempt, connect to last byte read; a target slower than this is retried later. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** How long the previous secret still signs after a rotation, so receivers can switch. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  WEBHOOK_SECRET_OVERLAP_MS = 24 * 60 * 60_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_BASE_MS = 5_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_CAP_MS = 6 * 60 * 60_000;

  /** A subscription whose deliveries failed this many times in a row is disabled (and the secretariat told). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WEBHOOK_DISABLE_AFTER_FAILURES = 50;

  /** … or that has failed without a success for this long. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WEBHOOK_DISABLE_AFTER_MS = 5 * 24 * 60 * 60_000;

  /** Deliveries in flight per instance at most (each to a different subscription). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WEBHOOK_CONCURRENCY = 16;
}

export const readNotificationsConfig = (
  env: Record<string, string | undefined> = process.env,
): NotificationsConfig => loadConfig(NotificationsConfig, env);
