import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { platformClaimsOf, Role } from '@c2c/auth';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';

/**
 * Stands in for the gateway's token issuing: signs platform tokens and serves its public key as a JWKS
 * over HTTP, so the app verifies tokens exactly as it does behind the real gateway.
 */
export class TestAuthority {
  private constructor(
    private readonly server: Server,
    private readonly privateKey: KeyLike,
    readonly jwksUrl: string,
  ) {}

  static async start(): Promise<TestAuthority> {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-1', alg: 'ES256', use: 'sig' };
    const server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestAuthority(server, privateKey, `http://127.0.0.1:${port}/.well-known/jwks.json`);
  }

  async token(roles: Role[], options: { cityId?: string; userId?: string } = {}): Promise<string> {
    return new SignJWT({ ...platformClaimsOf({ email: 'tester@c2c.local', roles, cityId: options.cityId }) })
      .setProtectedHeader({ alg: 'ES256', kid: 'test-1' })
      .setSubject(options.userId ?? randomUUID())
      .setIssuer('urn:c2c:gateway')
      .setAudience('urn:c2c:api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(this.privateKey);
  }

  secretariat(userId?: string): Promise<string> {
    return this.token(['secretariat'], { userId });
  }

  officerOf(cityId: string, userId?: string): Promise<string> {
    return this.token(['city-officer'], { cityId, userId });
  }

  observer(): Promise<string> {
    return this.token(['observer']);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
