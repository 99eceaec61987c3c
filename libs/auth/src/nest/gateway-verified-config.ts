import { ServiceConfig } from '@c2c/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { platformClaims } from '../claims';
import { REVOCATIONS_PATH } from '../revocation';
import { RevocationFeed } from '../revocation-feed';
import { remoteKeySet, TrustedIssuer } from '../token-verifier';

/** The audience of the internal tokens the gateway sends one service: `urn:c2c:service:<name>`. */
export const serviceAudience = (service: string): string => `urn:c2c:service:${service}`;

/** The `typ` of every token the gateway signs (RFC 9068 access tokens). */
export const GATEWAY_TOKEN_TYPE = 'at+jwt';

/**
 * The configuration of a service behind the gateway: the gateway issues the tokens, the service only
 * verifies them against the gateway's published keys. Services extend it with their own variables.
 */
export class GatewayVerifiedServiceConfig extends ServiceConfig {
  @IsString()
  AUTH_ISSUER = 'urn:c2c:gateway';

  /**
   * The audience this service accepts; by default its own, `urn:c2c:service:<name>` (the internal
   * tokens the gateway forwards), never the public `urn:c2c:api`: a client's token sent straight to
   * a service, past the gateway's limits, is refused.
   */
  @IsOptional()
  @IsString()
  AUTH_AUDIENCE?: string;

  /** Where the gateway publishes its signing keys; defaults to `<GATEWAY_URL>/.well-known/jwks.json`. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  AUTH_JWKS_URL?: string;

  /** The gateway's revocation feed; defaults to `/.well-known/c2c-revocations` beside the JWKS. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  AUTH_REVOCATIONS_URL?: string;

  /** The gateway's `REVOCATION_FEED_SECRET`; required in production, where revocations must reach every service. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  AUTH_REVOCATION_SECRET?: string;

  /** How often the revocation feed is read, in ms: how long a revoked token may still pass here. */
  @Type(() => Number)
  @IsInt()
  @Min(200)
  AUTH_REVOCATION_POLL_MS = 2_000;

  /**
   * `true` lets a production service fetch keys (and the revocation feed) over plain HTTP from a host
   * other than loopback: only where the network itself is trusted (a service mesh with mTLS).
   */
  @IsIn(['true', 'false'])
  AUTH_ALLOW_INSECURE_JWKS: 'true' | 'false' = 'false';

  @IsUrl({ require_tld: false, require_protocol: true })
  GATEWAY_URL = 'http://127.0.0.1:3000';

  /**
   * How long, in hours, the answer of a command sent with an `Idempotency-Key` is kept to answer a
   * retry (the gateway forwards a retry again when it could not tell whether the first one ran). Keep
   * it at least the gateway's `IDEMPOTENCY_TTL_HOURS`, or a late retry of such a command runs twice.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(168)
  COMMAND_ANSWER_TTL_HOURS = 24;
}

export const jwksUrlOf = (config: GatewayVerifiedServiceConfig): string =>
  config.AUTH_JWKS_URL ?? new URL('/.well-known/jwks.json', config.GATEWAY_URL).toString();

/** The revocation feed's address: configured, or at the JWKS's origin (the gateway, or whatever fronts it). */
export const revocationsUrlOf = (config: GatewayVerifiedServiceConfig): string =>
  config.AUTH_REVOCATIONS_URL ?? new URL(REVOCATIONS_PATH, jwksUrlOf(config)).toString();

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for `http:` to anything but loopback: keys (or a feed) anyone on the path could replace. */
export const isInsecureUrl = (url: string): boolean => {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && !LOOPBACK.has(hostname) && !hostname.startsWith('127.');
};

/**
 * What a service must be told before it trusts the gateway: keys fetched over plain HTTP can be
 * swapped by anyone on the path (who then mints any token), and without the feed secret revocations
 * never arrive. Returns the warnings to log; throws, naming the variables, what production refuses.
 */
export function gatewayTrustProblems(config: GatewayVerifiedServiceConfig): string[] {
  const production = config.NODE_ENV === 'production';
  const warnings: string[] = [];
  const refusals: string[] = [];
  const insecure = [jwksUrlOf(config), revocationsUrlOf(config)].filter(isInsecureUrl);
  if (insecure.length > 0) {
    const message = `the gateway's keys and revocations are fetched over plain HTTP (${insecure.join(', ')}): use https, or set AUTH_ALLOW_INSECURE_JWKS=true where the network is trusted`;
    if (production && config.AUTH_ALLOW_INSECURE_JWKS !== 'true') refusals.push(message);
    else warnings.push(message);
  }
  if (config.AUTH_REVOCATION_SECRET === undefined) {
    const message =
      'AUTH_REVOCATION_SECRET is not set: this service does not learn revoked tokens (deactivated users, changed passwords) until they expire';
    if (production) refusals.push(message);
    else warnings.push(message);
  }
  if (refusals.length > 0) throw new Error(`Invalid configuration:\n  - ${refusals.join('\n  - ')}`);
  return warnings;
}

/**
 * The gateway as the service's one trusted issuer, for `AuthModule.forRoot({ issuers: [...] })`:
 * the service's own audience, `typ: at+jwt`, and the gateway's revocation feed when its secret is
 * configured.
 */
export const gatewayIssuer = (config: GatewayVerifiedServiceConfig, service: string): TrustedIssuer => ({
  issuer: config.AUTH_ISSUER,
  audience: config.AUTH_AUDIENCE ?? serviceAudience(service),
  keys: remoteKeySet(jwksUrlOf(config)),
  claims: platformClaims,
  algorithms: ['ES256'],
  tokenType: GATEWAY_TOKEN_TYPE,
  ...(config.AUTH_REVOCATION_SECRET === undefined
    ? {}
    : {
        revocations: new RevocationFeed({
          url: revocationsUrlOf(config),
          secret: config.AUTH_REVOCATION_SECRET,
          intervalMs: config.AUTH_REVOCATION_POLL_MS,
        }),
      }),
});
