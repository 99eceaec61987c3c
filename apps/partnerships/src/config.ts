import { GatewayVerifiedServiceConfig } from '@c2c/auth';
import { loadConfig } from '@c2c/platform';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

// Environment strings "true"/"false"; Boolean("false") would be true.
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class PartnershipsConfig extends GatewayVerifiedServiceConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = 3002;

  /** How often each replica runs a detection pass; 0 turns the scheduler off (a pass can still be run). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  DETECTION_INTERVAL_MS = 15 * 60_000;

  /** An active partnership with no activity for this many months is flagged dormant. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  DORMANT_AFTER_MONTHS = 12;

  /** A renewal reminder goes out this many days before the end date. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  RENEWAL_NOTICE_DAYS = 90;

  /**
   * How many proposals (status \`proposed\`) a city may have waiting for answers at once: a bound on
   * what one officer can put in every partner's inbox.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  MAX_OPEN_PROPOSALS_PER_CITY = 20;

  /** Rebuild the city read model from the start of `c2c.cities.v1` when it is found empty at start. */
  @Transform(toBoolean)
  @IsBoolean()
  CITY_MODEL_REBUILD_ON_EMPTY = true;
}

export const readPartnershipsConfig = (
  env: Record<string, string | undefined> = process.env,
): PartnershipsConfig => loadConfig(PartnershipsConfig, env);
