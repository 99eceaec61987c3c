import { loadConfig, ServiceConfig } from '@c2c/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';

export class CitiesConfig extends ServiceConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = 3001;

  /** Tokens are issued by the gateway, which proxies `/api/v1/cities…` here; this service only verifies. */
  @IsString()
  AUTH_ISSUER = 'urn:c2c:gateway';

  @IsString()
  AUTH_AUDIENCE = 'urn:c2c:api';

  /** Where the gateway publishes its signing keys; defaults to `<GATEWAY_URL>/.well-known/jwks.json`. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  AUTH_JWKS_URL?: string;

  @IsUrl({ require_tld: false, require_protocol: true })
  GATEWAY_URL = 'http://127.0.0.1:3000';
}

export const readCitiesConfig = (env: Record<string, string | undefined> = process.env): CitiesConfig =>
  loadConfig(CitiesConfig, env);

export const jwksUrlOf = (config: CitiesConfig): string =>
  config.AUTH_JWKS_URL ?? new URL('/.well-known/jwks.json', config.GATEWAY_URL).toString();
