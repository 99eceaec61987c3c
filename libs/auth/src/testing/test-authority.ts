import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT } from 'jose';
import { platformClaimsOf } from '../claims';
import type { Role } from '../roles';

/** Who a test request is from: the token carries these roles and scopes. */
export interface TestCaller {
  roles: Role[];
  cityId?: string;
  commissionIds?: string[];
  /** The token's subject; a new id when not given. */
  userId?: string;
}

const KID = 'test-1';

/**
 * Stands in for the gateway's token issuing in a service's tests: signs platform tokens (the gateway's
 * issuer and audience) and serves the public key as a JWKS over HTTP, so the service verifies tokens
 * exactly as it does behind the real gateway. Tests only: `@c2c/auth/testing`.
 */
export class TestAuthority {
  private constructor(
    private readonly server: Server,
    private readonly privateKey: KeyLike,
    /** Point the service's `GATEWAY_JWKS_URL` here. */
    readonly jwksUrl: string,
  ) {}

  static async start(): Promise<TestAuthority> {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: KID, alg: 'ES256', use: 'sig' };
    const server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestAuthority(server, privateKey, `http://127.0.0.1:${port}/.well-known/jwks.json`);
  }

  token({ userId, ...caller }: TestCaller): Promise<string> {
    return new SignJWT({ ...platformClaimsOf({ email: 'tester@c2c.local', ...caller }) })
      .setProtectedHeader({ alg: 'ES256', kid: KID })
      .setSubject(userId ?? randomUUID())
      .setIssuer('urn:c2c:gateway')
      .setAudience('urn:c2c:api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(this.privateKey);
  }

  secretariat(userId?: string): Promise<string> {
    return this.token({ roles: ['secretariat'], userId });
  }

  officerOf(cityId: string, userId?: string): Promise<string> {
    return this.token({ roles: ['city-officer'], cityId, userId });
  }

  observer(): Promise<string> {
    return this.token({ roles: ['observer'] });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
