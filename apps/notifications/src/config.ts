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

  /** How often each instance sends what is due (e-mails now); 0 turns the sender off. */
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
}

export const readNotificationsConfig = (
  env: Record<string, string | undefined> = process.env,
): NotificationsConfig => loadConfig(NotificationsConfig, env);
