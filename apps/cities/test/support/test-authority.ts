import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { platformClaimsOf, type Role } from '@c2c/auth';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';

/** Who a test request is from; tokens carry these roles (and a city officer's city). */
export interface TestUser {
  roles: Role[];
  cityId?: string;
}

/**
 * Stands in for the gateway's token issuing: signs platform tokens and serves the public key as a
 * JWKS over HTTP, so the app verifies tokens exactly as it does behind the real gateway.
 */
export class TestAuthority {
  private constructor(
    private readonly server: Server,
    private readonly privateKey: KeyLike,
    readonly jwksUrl: string,
  ) {}

  static async start(): Promise<TestAuthority> {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'cities-test', alg: 'ES256', use: 'sig' };
    const server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestAuthority(server, privateKey, `http://127.0.0.1:${port}/.well-known/jwks.json`);
  }

  token(user: TestUser): Promise<string> {
    return new SignJWT({ ...platformClaimsOf({ email: 'tester@c2c.local', ...user }) })
      .setProtectedHeader({ alg: 'ES256', kid: 'cities-test' })
      .setSubject(randomUUID())
      .setIssuer('urn:c2c:gateway')
      .setAudience('urn:c2c:api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(this.privateKey);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
