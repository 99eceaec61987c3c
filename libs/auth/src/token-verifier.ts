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
import { LRUCache } from 'lru-cache';
import { AuthenticatedUser } from './authenticated-user';
import { ClaimsMapper, InvalidClaims } from './claims';
import { RevocationCheck, TOKEN_VERSION_CLAIM } from './revocation';

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
  /**
   * The `typ` header the issuer's tokens must carry (the gateway's: `at+jwt`, RFC 9068), so a JWT
   * of another kind signed with the same key (an ID token, a logout token) is not taken as an access
   * token. Unchecked when not given (external providers differ).
   */
  tokenType?: string;
  /** Whether a subject's token is still good (deactivation, password or role change); every check. */
  revocations?: RevocationCheck;
}

export interface TokenVerifierOptions {
  issuers: TrustedIssuer[];
  /** Allowed clock difference for `exp`, `nbf` and `iat`, in seconds. */
  clockToleranceSeconds?: number;
  /**
   * How long a verified token's result is reused, in ms (0 turns the cache off; default 30 s).
   * Bounded, because a key withdrawn from the JWKS should stop working soon; the token's own `exp`
   * always applies.
   */
  cacheTtlMs?: number;
  /** How many verified tokens are remembered at most (default 10,000); the least recently used go first. */
  cacheMaxEntries?: number;
  /**
   * The monotonic clock the cache measures its TTL with (default `performance`). Tests pass their
   * own, as fake timers do not reach the cache's; a token's `exp` is always checked on `Date.now()`.
   */
  cacheClock?: { now(): number };
}

/** A JWKS held in memory (tests, or keys loaded by the caller). */
export const localKeySet = (jwks: JSONWebKeySet): JWTVerifyGetKey => createLocalJWKSet(jwks);

/**
 * How long a fetched JWKS is used before it is fetched again: the gateway's `Cache-Control:
 * max-age=300`, and no longer than `SIGNING_KEY_PUBLISH_LEAD_SECONDS` (300), so a key published
 * ahead of signing is known to every verifier before its first token.
 */
export const JWKS_CACHE_MAX_AGE_MS = 300_000;

/**
 * A JWKS fetched over HTTP (the gateway's `/.well-known/jwks.json`, an OIDC provider's `jwks_uri`),
 * cached, and fetched again when a token names a `kid` it does not know (key rotation).
 */
export const remoteKeySet = (url: string, options: { cooldownMs?: number; timeoutMs?: number } = {}) =>
  createRemoteJWKSet(new URL(url), {
    cooldownDuration: options.cooldownMs ?? 10_000,
    timeoutDuration: options.timeoutMs ?? 5_000,
    cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
  }) as JWTVerifyGetKey;

/** Keeps the token version on the caller when the token has a well-formed one. */
function withTokenVersion(user: AuthenticatedUser, claim: unknown): AuthenticatedUser {
  if (claim === undefined) return user;
  if (!Number.isSafeInteger(claim) || (claim as number) < 0) {
    throw new InvalidClaims(`${TOKEN_VERSION_CLAIM} must be a non-negative integer`);
  }
  return { ...user, tokenVersion: claim as number };
}

const rejected = (detail: string): Problem =>
  new Problem(ProblemType.Unauthorized, detail, {
    headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${detail}"` },
  });

/** The reason a client sees; never more than which check failed. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'typ')
    return 'the token is not an access token (typ)';
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
  /** Whose revocations still apply to the cached result. */
  trusted: TrustedIssuer;
  /** The token's `exp`, in ms since the epoch. */
  expiresAt: number;
}

/**
 * Verifies bearer tokens (JWS compact JWTs) against the trusted issuers and returns the caller. Every
 * failure is a `401` problem with a `WWW-Authenticate: Bearer error="invalid_token"` header.
 */
export class TokenVerifier {
  private readonly issuers: Map<string, TrustedIssuer>;
  /** Verified tokens, each for at most the cache TTL and never past its expiry; none when the TTL is 0. */
  private readonly cache: LRUCache<string, CachedUser> | undefined;
  private readonly cacheTtlMs: number;
  private readonly clockTolerance: number;

  constructor(options: TokenVerifierOptions) {
    this.issuers = new Map(options.issuers.map((issuer) => [issuer.issuer, issuer]));
    this.cacheTtlMs = options.cacheTtlMs ?? 30_000;
    this.clockTolerance = options.clockToleranceSeconds ?? 5;
    this.cache =
      this.cacheTtlMs > 0
        ? new LRUCache<string, CachedUser>({
            max: options.cacheMaxEntries ?? 10_000,
            ttl: this.cacheTtlMs,
            ...(options.cacheClock === undefined ? {} : { perf: options.cacheClock, ttlResolution: 0 }),
          })
        : undefined;
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    const cached = this.cache?.get(token);
    // The cache measures its TTL on a monotonic clock; `exp` is wall-clock time, so it is checked here.
    if (cached !== undefined && cached.expiresAt > Date.now()) {
      // A revocation applies at once, also to a token verified moments ago.
      await this.assertNotRevoked(cached.trusted, cached.user);
      return cached.user;
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
        ...(trusted.tokenType === undefined ? {} : { typ: trusted.tokenType }),
      });
      user = withTokenVersion(trusted.claims(payload, trusted.issuer), payload[TOKEN_VERSION_CLAIM]);
      expiresAt = (payload.exp ?? 0) * 1000;
    } catch (error) {
      throw rejected(reasonOf(error));
    }
    await this.assertNotRevoked(trusted, user);
    this.remember(token, { user, trusted, expiresAt });
    return user;
  }

  /** Starts the issuers' revocation checks (feed polling); Nest calls it when the app starts. */
  onModuleInit(): void {
    for (const trusted of this.issuers.values()) trusted.revocations?.start?.();
  }

  onModuleDestroy(): void {
    for (const trusted of this.issuers.values()) trusted.revocations?.close?.();
  }

  private async assertNotRevoked(trusted: TrustedIssuer, user: AuthenticatedUser): Promise<void> {
    if (trusted.revocations === undefined) return;
    if (!(await trusted.revocations.accepts(user.userId, user.tokenVersion ?? 0))) {
      throw rejected('the token has been revoked');
    }
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

  private remember(token: string, entry: CachedUser): void {
    const ttl = Math.min(entry.expiresAt - Date.now(), this.cacheTtlMs);
    // A TTL of 0 would mean "forever" to the cache: a token about to expire is simply not kept.
    if (this.cache === undefined || ttl < 1) return;
    this.cache.set(token, entry, { ttl });
  }
}
