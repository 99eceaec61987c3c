import { ServiceConfig } from '@c2c/platform';
import { IsOptional, IsString, IsUrl } from 'class-validator';
import { platformClaims } from '../claims';
import { remoteKeySet, TrustedIssuer } from '../token-verifier';

/**
 * The configuration of a service behind the gateway: the gateway issues the tokens, the service only
 * verifies them against the gateway's published keys. Services extend it with their own variables.
 */
export class GatewayVerifiedServiceConfig extends ServiceConfig {
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

export const jwksUrlOf = (config: GatewayVerifiedServiceConfig): string =>
  config.AUTH_JWKS_URL ?? new URL('/.well-known/jwks.json', config.GATEWAY_URL).toString();

/** The gateway as the service's one trusted issuer, for `AuthModule.forRoot({ issuers: [...] })`. */
export const gatewayIssuer = (config: GatewayVerifiedServiceConfig): TrustedIssuer => ({
  issuer: config.AUTH_ISSUER,
  audience: config.AUTH_AUDIENCE,
  keys: remoteKeySet(jwksUrlOf(config)),
  claims: platformClaims,
});
