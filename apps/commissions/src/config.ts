import { GatewayVerifiedServiceConfig } from '@c2c/auth';
import { loadConfig } from '@c2c/platform';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

// Environment strings "true"/"false"; Boolean("false") would be true.
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class CommissionsConfig extends GatewayVerifiedServiceConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = 3003;

  /** Rebuild the city read model from the start of `c2c.cities.v1` when it is found empty at start. */
  @Transform(toBoolean)
  @IsBoolean()
  CITY_MODEL_REBUILD_ON_EMPTY = true;

  /** How often each instance sweeps for overdue actions; 0 turns the scheduler off (a pass can still be run). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  OVERDUE_SWEEP_INTERVAL_MS = 60 * 60_000;
}

export const readCommissionsConfig = (
  env: Record<string, string | undefined> = process.env,
): CommissionsConfig => loadConfig(CommissionsConfig, env);
