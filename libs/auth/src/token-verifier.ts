import { Problem, ProblemType } from '@c2c/platform';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  JSONWebKeySet,
  jwtVerify,
  JWTVerifyGetKey,
} from 'jose';
import { AuthenticatedUser } from './authenticated-user';
import { ClaimsMapper, InvalidClaims } from './claims';

/**
 * Asymmetric algorithms only: `none` and HMAC (`HS*`) are refused whatever a token's header says,
 * so a public key can never be used as an HMAC secret.
 */
export const ALLOWED_ALGORITHMS = ['ES256', 'RS256'] as const;
export type AllowedAlgorithm = (typeof ALLOWED_ALGORITHMS)[number];

/** An issuer whose tokens are accepted, with where its public keys come from. */
export interface TrustedIssuer {
  /** Must equal the token's `iss` exactly. */
  issuer: string;
  /** The token's `aud` must contain (one of) these. */
  audience: string | string[];
  /** Resolves the verification key by the token's `kid`: {@link localKeySet}, {@link remoteKeySet}, … */
  keys: JWTVerifyGetKey;
  claims: ClaimsMapper;
  /** A subset of {@link ALLOWED_ALGORITHMS}; all of them by default. */
  algorithms?: AllowedAlgorithm[];
}

export interface TokenVerifierOptions {
  issuers: TrustedIssuer[];
  /** Allowed clock difference for `exp`, `nbf` and `iat`, in seconds. */
  clockToleranceSeconds?: number;
  /**
   * How long a verified token's result is reused, in ms (0 turns the cache off). Bounded, because
   * a key withdrawn from the JWKS should stop working soon; the token's own `exp` always applies.
   */
  cacheTtlMs?: number;
  cacheMaxEntries?: number;
}

/** A JWKS held in memory (tests, or keys loaded by the caller). */
export const localKeySet = (jwks: JSONWebKeySet): JWTVerifyGetKey => createLocalJWKSet(jwks);

/**
 * A JWKS fetched over HTTP (the gateway's `/.well-known/jwks.json`, an OIDC provider's `jwks_uri`),
 * cached, and fetched again when a token names a `kid` it does not know (key rotation).
 */
export const remoteKeySet = (url: string, options: { cooldownMs?: number; timeoutMs?: number } = {}) =>
  createRemoteJWKSet(new URL(url), {
    cooldownDuration: options.cooldownMs ?? 10_000,
    timeoutDuration: options.timeoutMs ?? 5_000,
    cacheMaxAge: 10 * 60_000,
  }) as JWTVerifyGetKey;

const rejected = (detail: string): Problem =>
  new Problem(ProblemType.Unauthorized, detail, {
    headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${detail}"` },
  });

/** The reason a client sees; never more than which check failed. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the token's ${error.claim} claim is not valid`;
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token was signed with an unknown key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token algorithm is not allowed';
  if (error instanceof errors.JWKSTimeout) return 'the signing keys could not be fetched';
  if (error instanceof InvalidClaims) return error.message;
  return 'the token is malformed';
}

interface CachedUser {
  user: AuthenticatedUser;
  until: number;
}

/**
 * Verifies bearer tokens (JWS compact JWTs) against the trusted issuers and returns the caller. Every
 * failure is a `401` problem with a `WWW-Authenticate: Bearer error="invalid_token"` header.
 */
export class TokenVerifier {
  private readonly issuers: Map<string, TrustedIssuer>;
  private readonly cache = new Map<string, CachedUser>();
  private readonly cacheTtlMs: number;
  private readonly cacheMaxEntries: number;
  private readonly clockTolerance: number;

  constructor(options: TokenVerifierOptions) {
    this.issuers = new Map(options.issuers.map((issuer) => [issuer.issuer, issuer]));
    this.cacheTtlMs = options.cacheTtlMs ?? 30_000;
    this.cacheMaxEntries = options.cacheMaxEntries ?? 10_000;
    this.clockTolerance = options.clockToleranceSeconds ?? 5;
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    const now = Date.now();
    const cached = this.cache.get(token);
    if (cached !== undefined) {
      if (cached.until > now) return cached.user;
      this.cache.delete(token);
    }
    const trusted = this.issuerOf(token);
    let user: AuthenticatedUser;
    let expiresAt: number;
    try {
      const { payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.issuer,
        audience: trusted.audience,
        algorithms: trusted.algorithms ?? [...ALLOWED_ALGORITHMS],
        clockTolerance: this.clockTolerance,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      user = trusted.claims(payload, trusted.issuer);
      expiresAt = (payload.exp ?? 0) * 1000;
    } catch (error) {
      throw rejected(reasonOf(error));
    }
    this.remember(token, user, Math.min(expiresAt, now + this.cacheTtlMs));
    return user;
  }

  /** Picks the issuer by the unverified `iss` and refuses disallowed algorithms before any key lookup. */
  private issuerOf(token: string): TrustedIssuer {
    let alg: unknown;
    let iss: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
      iss = decodeJwt(token).iss;
    } catch {
      throw rejected('the token is malformed');
    }
    if (typeof alg !== 'string' || !(ALLOWED_ALGORITHMS as readonly string[]).includes(alg)) {
      throw rejected('the token algorithm is not allowed');
    }
    const trusted = typeof iss === 'string' ? this.issuers.get(iss) : undefined;
    if (trusted === undefined) throw rejected('the token issuer is not trusted');
    return trusted;
  }

  private remember(token: string, user: AuthenticatedUser, until: number): void {
    if (this.cacheTtlMs <= 0) return;
    if (this.cache.size >= this.cacheMaxEntries) {
      // Map keeps insertion order: dropping the first entry drops the oldest.
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(token, { user, until });
  }
}
