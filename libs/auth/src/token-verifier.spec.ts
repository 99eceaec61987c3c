import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT, UnsecuredJWT } from 'jose';
import { Problem } from '@c2c/platform';
import { platformClaims, platformClaimsOf } from './claims';
import { RevocationCheck } from './revocation';
import { localKeySet, TokenVerifier, TokenVerifierOptions } from './token-verifier';

const ISSUER = 'urn:c2c:gateway';
const AUDIENCE = 'urn:c2c:api';

interface SigningKey {
  kid: string;
  alg: 'ES256' | 'RS256';
  privateKey: KeyLike;
  publicJwk: JWK;
}

async function signingKey(kid: string, alg: 'ES256' | 'RS256' = 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

const claims = platformClaimsOf({ email: 'a@example.org', roles: ['city-officer'], cityId: 'city-a' });

function token(
  key: SigningKey,
  overrides: {
    exp?: string | number;
    iss?: string;
    aud?: string;
    typ?: string | null;
    version?: number;
  } = {},
) {
  const typ = overrides.typ === undefined ? 'at+jwt' : overrides.typ;
  return new SignJWT({
    ...claims,
    ...(overrides.version === undefined ? {} : { token_version: overrides.version }),
  })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, ...(typ === null ? {} : { typ }) })
    .setSubject('user-1')
    .setIssuer(overrides.iss ?? ISSUER)
    .setAudience(overrides.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(overrides.exp ?? '15m')
    .sign(key.privateKey);
}

async function rejection(verifier: TokenVerifier, jwt: string): Promise<Problem> {
  try {
    await verifier.verify(jwt);
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('the token was accepted');
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe(TokenVerifier.name, () => {
  let es: SigningKey;
  let rs: SigningKey;
  let stranger: SigningKey;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    es = await signingKey('es-1');
    rs = await signingKey('rs-1', 'RS256');
    stranger = await signingKey('es-1');
    verifier = new TokenVerifier({
      issuers: [
        {
          issuer: ISSUER,
          audience: AUDIENCE,
          keys: localKeySet({ keys: [es.publicJwk, rs.publicJwk] }),
          claims: platformClaims,
        },
      ],
    });
  });

  it('accepts ES256 and RS256 tokens of the trusted issuer and returns the caller', async () => {
    for (const key of [es, rs]) {
      await expect(verifier.verify(await token(key))).resolves.toEqual({
        userId: 'user-1',
        email: 'a@example.org',
        roles: ['city-officer'],
        cityId: 'city-a',
        commissionIds: [],
        issuer: ISSUER,
      });
    }
  });

  it('refuses alg "none"', async () => {
    const unsecured = new UnsecuredJWT({ ...claims })
      .setSubject('user-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('15m')
      .encode();
    const problem = await rejection(verifier, unsecured);
    expect(problem.status).toBe(401);
    expect(problem.detail).toBe('the token algorithm is not allowed');
    expect(problem.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
  });

  it('refuses HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(es.publicJwk));
    const hs = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', kid: es.kid })
      .setSubject('user-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(secret);
    expect((await rejection(verifier, hs)).detail).toBe('the token algorithm is not allowed');
  });

  it('refuses a token signed by another key under a known kid', async () => {
    expect((await rejection(verifier, await token(stranger))).detail).toBe(
      'the token signature is not valid',
    );
  });

  it('refuses an unknown kid', async () => {
    const unknown = await signingKey('nobody-knows');
    expect((await rejection(verifier, await token(unknown))).detail).toBe(
      'the token was signed with an unknown key',
    );
  });

  it('refuses an expired token', async () => {
    const expired = await token(es, { exp: Math.floor(Date.now() / 1000) - 60 });
    expect((await rejection(verifier, expired)).detail).toBe('the token has expired');
  });

  it('refuses tampered claims (a city officer promoting itself)', async () => {
    const [header, , signature] = (await token(es)).split('.');
    const forged = b64({
      ...claims,
      roles: ['secretariat'],
      sub: 'user-1',
      iss: ISSUER,
      aud: AUDIENCE,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 900,
    });
    expect((await rejection(verifier, `${header}.${forged}.${signature}`)).detail).toBe(
      'the token signature is not valid',
    );
  });

  it('refuses another issuer or audience', async () => {
    expect((await rejection(verifier, await token(es, { iss: 'urn:evil' }))).detail).toBe(
      'the token issuer is not trusted',
    );
    expect((await rejection(verifier, await token(es, { aud: 'urn:other-api' }))).detail).toBe(
      "the token's aud claim is not valid",
    );
  });

  it('refuses garbage and correctly signed tokens with unusable claims', async () => {
    expect((await rejection(verifier, 'not.a.jwt')).detail).toBe('the token is malformed');
    const noRoles = await new SignJWT({ email: 'a@example.org', roles: ['emperor'] })
      .setProtectedHeader({ alg: 'ES256', kid: es.kid })
      .setSubject('user-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(es.privateKey);
    expect((await rejection(verifier, noRoles)).detail).toMatch(/^roles must be/);
  });

  it('stops accepting a cached token once it expires', async () => {
    const shortLived = await token(es, { exp: Math.floor(Date.now() / 1000) + 1 });
    const cached = new TokenVerifier({
      issuers: [
        {
          issuer: ISSUER,
          audience: AUDIENCE,
          keys: localKeySet({ keys: [es.publicJwk] }),
          claims: platformClaims,
        },
      ],
      clockToleranceSeconds: 0,
      cacheTtlMs: 60_000,
    });
    await expect(cached.verify(shortLived)).resolves.toMatchObject({ userId: 'user-1' });
    // Travel past the expiry instead of sleeping; only the clock is faked.
    jest.useFakeTimers({
      now: Date.now() + 5_000,
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
    });
    try {
      expect((await rejection(cached, shortLived)).detail).toBe('the token has expired');
    } finally {
      jest.useRealTimers();
    }
  });

  describe('cache', () => {
    let lookups: number;

    /** A verifier for `es` that counts key lookups: each one is a verification the cache did not spare. */
    const counting = (options: Omit<TokenVerifierOptions, 'issuers'>) => {
      lookups = 0;
      const keys = localKeySet({ keys: [es.publicJwk] });
      return new TokenVerifier({
        issuers: [
          {
            issuer: ISSUER,
            audience: AUDIENCE,
            keys: (header, jws) => {
              lookups++;
              return keys(header, jws);
            },
            claims: platformClaims,
          },
        ],
        ...options,
      });
    };

    it('verifies a token once and then answers from the cache', async () => {
      const cached = counting({ cacheTtlMs: 60_000 });
      const jwt = await token(es);
      await cached.verify(jwt);
      await cached.verify(jwt);
      expect(lookups).toBe(1);
    });

    it('is bounded: past its size the least recently used token is verified again', async () => {
      const cached = counting({ cacheTtlMs: 60_000, cacheMaxEntries: 2 });
      const [a, b, c] = await Promise.all([token(es), token(es, { exp: '14m' }), token(es, { exp: '13m' })]);
      for (const jwt of [a, b, c]) await cached.verify(jwt);
      expect(lookups).toBe(3);
      await cached.verify(c);
      expect(lookups).toBe(3);
      await cached.verify(a);
      expect(lookups).toBe(4);
    });

    it('keeps nothing when its TTL is 0', async () => {
      const uncached = counting({ cacheTtlMs: 0 });
      const jwt = await token(es);
      await uncached.verify(jwt);
      await uncached.verify(jwt);
      expect(lookups).toBe(2);
    });

    it('verifies again once the cache TTL has passed, before the token expires', async () => {
      let now = 1_000_000;
      const cached = counting({ cacheTtlMs: 1_000, cacheClock: { now: () => now } });
      const jwt = await token(es);
      await cached.verify(jwt);
      now += 999;
      await cached.verify(jwt);
      expect(lookups).toBe(1);
      now += 2;
      await expect(cached.verify(jwt)).resolves.toMatchObject({ userId: 'user-1' });
      expect(lookups).toBe(2);
    });
  });

  describe('token type', () => {
    const typed = () =>
      new TokenVerifier({
        issuers: [
          {
            issuer: ISSUER,
            audience: AUDIENCE,
            keys: localKeySet({ keys: [es.publicJwk] }),
            claims: platformClaims,
            tokenType: 'at+jwt',
          },
        ],
      });

    it("accepts the issuer's typ, also spelled as a media type", async () => {
      await expect(typed().verify(await token(es))).resolves.toMatchObject({ userId: 'user-1' });
      await expect(typed().verify(await token(es, { typ: 'application/at+jwt' }))).resolves.toMatchObject({
        userId: 'user-1',
      });
    });

    it('refuses a token without typ, or with another typ, when the issuer names one', async () => {
      for (const typ of [null, 'JWT', 'id+jwt']) {
        const problem = await rejection(typed(), await token(es, { typ }));
        expect([problem.status, problem.detail]).toEqual([401, 'the token is not an access token (typ)']);
      }
    });
  });

  describe('revocations', () => {
    class Revocations implements RevocationCheck {
      readonly minimum = new Map<string, number>();
      accepts(subject: string, version: number): boolean {
        return version >= (this.minimum.get(subject) ?? 0);
      }
    }
    const revocable = (revocations: Revocations) =>
      new TokenVerifier({
        issuers: [
          {
            issuer: ISSUER,
            audience: AUDIENCE,
            keys: localKeySet({ keys: [es.publicJwk] }),
            claims: platformClaims,
            revocations,
          },
        ],
      });

    it('puts the token version on the caller', async () => {
      await expect(
        revocable(new Revocations()).verify(await token(es, { version: 3 })),
      ).resolves.toMatchObject({
        userId: 'user-1',
        tokenVersion: 3,
      });
    });

    it('refuses a revoked token even when its result is cached', async () => {
      const revocations = new Revocations();
      const cached = revocable(revocations);
      const jwt = await token(es, { version: 1 });
      await expect(cached.verify(jwt)).resolves.toMatchObject({ userId: 'user-1' });
      revocations.minimum.set('user-1', 2);
      expect((await rejection(cached, jwt)).detail).toBe('the token has been revoked');
      await expect(cached.verify(await token(es, { version: 2 }))).resolves.toMatchObject({
        tokenVersion: 2,
      });
    });

    it('takes a token without a version as version 0, and refuses a malformed one', async () => {
      const revocations = new Revocations();
      revocations.minimum.set('user-1', 1);
      expect((await rejection(revocable(revocations), await token(es))).detail).toBe(
        'the token has been revoked',
      );
      expect((await rejection(revocable(new Revocations()), await token(es, { version: -1 }))).detail).toBe(
        'token_version must be a non-negative integer',
      );
    });
  });
});
