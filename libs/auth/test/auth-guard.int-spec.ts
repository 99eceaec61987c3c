import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { createServiceApp, HealthModule, LoggingModule } from '@c2c/platform';
import {
  assertActsForCity,
  AuthenticatedUser,
  AuthModule,
  CurrentUser,
  platformClaims,
  platformClaimsOf,
  Public,
  remoteKeySet,
  Role,
  Roles,
} from '../src';

const ISSUER = 'urn:c2c:gateway';
const AUDIENCE = 'urn:c2c:api';

@Controller()
class SampleController {
  @Public()
  @Get('open')
  open() {
    return { open: true };
  }

  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }

  @Roles('secretariat')
  @Get('admin')
  admin() {
    return { admin: true };
  }

  @Roles('secretariat', 'city-officer')
  @Get('cities/:id/edit')
  edit(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    assertActsForCity(user, id);
    return { edited: id };
  }
}

interface Key {
  kid: string;
  privateKey: KeyLike;
  jwk: JWK;
}

async function newKey(kid: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

const sign = (key: Key, roles: Role[], cityId?: string) =>
  new SignJWT({ ...platformClaimsOf({ email: 'x@example.org', roles, cityId }) })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setSubject('user-x')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key.privateKey);

describe('AuthGuard in an app, with keys from a remote JWKS', () => {
  let app: NestFastifyApplication;
  let jwksServer: Server;
  let published: JWK[];
  let jwksFetches = 0;
  let first: Key;

  beforeAll(async () => {
    first = await newKey('k1');
    published = [first.jwk];
    jwksServer = createServer((_request, response) => {
      jwksFetches++;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const { port } = jwksServer.address() as AddressInfo;

    @Module({
      imports: [
        LoggingModule.forRoot('auth-test', 'silent'),
        HealthModule,
        AuthModule.forRoot({
          issuers: [
            {
              issuer: ISSUER,
              audience: AUDIENCE,
              keys: remoteKeySet(`http://127.0.0.1:${port}/jwks.json`, { cooldownMs: 0 }),
              claims: platformClaims,
            },
          ],
        }),
      ],
      controllers: [SampleController],
    })
    class SampleModule {}

    app = await createServiceApp({ module: SampleModule });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => jwksServer.close(resolve));
  });

  const get = async (url: string, token?: string) =>
    app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('lets public routes and health probes through without a token', async () => {
    expect((await get('/open')).statusCode).toBe(200);
    expect((await get('/health/live')).statusCode).toBe(200);
  });

  it('answers a missing token with 401 problem and a Bearer challenge', async () => {
    const response = await get('/me');
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('gives the verified caller to the handler', async () => {
    const response = await get('/me', await sign(first, ['observer']));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ userId: 'user-x', roles: ['observer'], issuer: ISSUER });
  });

  it('enforces @Roles with 403', async () => {
    expect((await get('/admin', await sign(first, ['observer']))).statusCode).toBe(403);
    expect((await get('/admin', await sign(first, ['secretariat']))).statusCode).toBe(200);
  });

  it('enforces the object-level rule: an officer of city A acting for city B gets 403', async () => {
    const officerOfA = await sign(first, ['city-officer'], 'A');
    expect((await get('/cities/A/edit', officerOfA)).statusCode).toBe(200);
    const response = await get('/cities/B/edit', officerOfA);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ type: 'https://c2c.asianmayorsforum.org/problems/forbidden' });
  });

  it('picks up a rotated key from the JWKS when a token names a new kid', async () => {
    const second = await newKey('k2');
    const before = jwksFetches;
    expect((await get('/me', await sign(second, ['observer']))).statusCode).toBe(401);
    published = [first.jwk, second.jwk];
    expect((await get('/me', await sign(second, ['observer']))).statusCode).toBe(200);
    expect(jwksFetches).toBeGreaterThan(before);
    expect((await get('/me', await sign(first, ['observer']))).statusCode).toBe(200);
  });
});
