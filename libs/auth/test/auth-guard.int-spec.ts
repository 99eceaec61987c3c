import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { createServiceApp, HealthModule, LoggingModule } from '@c2c/platform';
import {
  assertActsForCity,
  authenticationHook,
  AuthenticatedUser,
  AuthModule,
  CurrentUser,
  localKeySet,
  platformClaims,
  platformClaimsOf,
  Public,
  remoteKeySet,
  Role,
  Roles,
  TokenVerifier,
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

describe('authenticationHook before the guard', () => {
  let app: NestFastifyApplication;
  let key: Key;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    key = await newKey('h1');

    @Module({
      imports: [
        LoggingModule.forRoot('auth-test', 'silent'),
        AuthModule.forRoot({
          issuers: [
            {
              issuer: ISSUER,
              audience: AUDIENCE,
              keys: localKeySet({ keys: [key.jwk] }),
              claims: platformClaims,
            },
          ],
          cacheTtlMs: 0,
        }),
      ],
      controllers: [SampleController],
    })
    class HookedModule {}

    app = await createServiceApp(
      { module: HookedModule },
      {
        configure: (created) => {
          const fastify = created.get(HttpAdapterHost).httpAdapter.getInstance<FastifyInstance>();
          fastify.addHook('preValidation', authenticationHook(created.get(TokenVerifier)));
        },
      },
    );
    await app.init();
    verifier = app.get(TokenVerifier);
  });

  afterAll(async () => {
    await app.close();
  });

  const get = (url: string, token: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('verifies each token once, and the guard uses the outcome', async () => {
    const verify = jest.spyOn(verifier, 'verify');
    const response = await get('/me', await sign(key, ['observer']));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ userId: 'user-x' });
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockRestore();
  });

  it('lets a public route through with a bad token, and refuses it on a protected one with the reason', async () => {
    expect((await get('/open', 'not.a.token')).statusCode).toBe(200);
    const refused = await get('/me', 'not.a.token');
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ detail: 'the token is malformed' });
  });

  it('still applies roles and object-level rules', async () => {
    expect((await get('/admin', await sign(key, ['observer']))).statusCode).toBe(403);
    expect((await get('/cities/B/edit', await sign(key, ['city-officer'], 'A'))).statusCode).toBe(403);
  });
});
