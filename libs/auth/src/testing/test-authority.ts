import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT } from 'jose';
import { platformClaimsOf } from '../claims';
import {
  REVOCATION_KEY_HEADER,
  REVOCATIONS_PATH,
  TOKEN_VERSION_CLAIM,
  type RevocationFeedDocument,
} from '../revocation';
import type { Role } from '../roles';

/** Who a test request is from: the token carries these roles and scopes. */
export interface TestCaller {
  roles: Role[];
  cityId?: string;
  commissionIds?: string[];
  /** The token's subject; a new id when not given. */
  userId?: string;
  /** The token's `token_version` (1 unless said). */
  tokenVersion?: number;
}

const KID = 'test-1';
/** The audience a token gets when the test names none: the public one, which only the gateway accepts. */
const PUBLIC_AUDIENCE = 'urn:c2c:api';

/**
 * Stands in for the gateway's token issuing in a service's tests: signs platform tokens as the
 * gateway signs the internal tokens it forwards (its issuer, `typ: at+jwt`, ES256, a token version,
 * the service's audience), serves the public key as a JWKS over HTTP and a revocation feed behind
 * {@link revocationSecret}, so the service verifies tokens exactly as it does behind the real
 * gateway. Tests only: `@c2c/auth/testing`.
 */
export class TestAuthority {
  private readonly revoked = new Map<string, number>();
  /** Give the service this as `AUTH_REVOCATION_SECRET`. */
  readonly revocationSecret = randomBytes(24).toString('base64url');
  private server!: Server;
  /** Point the service's `AUTH_JWKS_URL` here; the revocation feed is at the same origin. */
  jwksUrl = '';

  private constructor(private readonly privateKey: KeyLike) {}

  static async start(): Promise<TestAuthority> {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: KID, alg: 'ES256', use: 'sig' };
    const authority = new TestAuthority(privateKey);
    authority.server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.url?.startsWith(REVOCATIONS_PATH)) {
        if (request.headers[REVOCATION_KEY_HEADER] !== authority.revocationSecret) {
          response.statusCode = 404;
          response.end('{}');
          return;
        }
        response.end(JSON.stringify(authority.feed()));
        return;
      }
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => authority.server.listen(0, '127.0.0.1', resolve));
    const { port } = authority.server.address() as AddressInfo;
    authority.jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`;
    return authority;
  }

  /**
   * A token for `audience`: a service's (`serviceAudience('cities')`), as the gateway forwards, or
   * by default the public one, as a client holds, which the services refuse.
   */
  token({ userId, tokenVersion, ...caller }: TestCaller, audience = PUBLIC_AUDIENCE): Promise<string> {
    return new SignJWT({
      ...platformClaimsOf({ email: 'tester@c2c.local', ...caller }),
      [TOKEN_VERSION_CLAIM]: tokenVersion ?? 1,
    })
      .setProtectedHeader({ alg: 'ES256', kid: KID, typ: 'at+jwt' })
      .setSubject(userId ?? randomUUID())
      .setIssuer('urn:c2c:gateway')
      .setAudience(audience)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(this.privateKey);
  }

  /** From now on the feed lists `userId`: its tokens below `tokenVersion` (2 unless said) are revoked. */
  revoke(userId: string, tokenVersion = 2): void {
    this.revoked.set(userId, tokenVersion);
  }

  secretariat(userId?: string, audience?: string): Promise<string> {
    return this.token({ roles: ['secretariat'], userId }, audience);
  }

  officerOf(cityId: string, userId?: string, audience?: string): Promise<string> {
    return this.token({ roles: ['city-officer'], cityId, userId }, audience);
  }

  observer(audience?: string): Promise<string> {
    return this.token({ roles: ['observer'] }, audience);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private feed(): RevocationFeedDocument {
    const notBefore = new Date().toISOString();
    return {
      windowSeconds: 900,
      entries: [...this.revoked].map(([sub, tokenVersion]) => ({ sub, tokenVersion, notBefore })),
    };
  }
}
