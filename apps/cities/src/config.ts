import { GatewayVerifiedServiceConfig } from '@c2c/auth';
import { loadConfig } from '@c2c/platform';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class CitiesConfig extends GatewayVerifiedServiceConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = 3001;
}

export const readCitiesConfig = (env: Record<string, string | undefined> = process.env): CitiesConfig =>
  loadConfig(CitiesConfig, env);
