import { randomUUID } from 'node:crypto';
import { LOCAL_BOOTSTRAP_ADMIN } from '../src/config';
import { GatewayHarness } from './support/gateway-harness';

describe('gateway identity: login, tokens, users', () => {
  let gateway: GatewayHarness;
  let admin: string;

  beforeAll(async () => {
    gateway = await GatewayHarness.start();
    admin = await gateway.adminToken();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('bootstraps the secretariat account and logs it in with a short-lived ES256 token', async () => {
    const response = await gateway.call<{ accessToken: string; tokenType: string; expiresIn: number }>(
      'POST',
      '/api/v1/auth/token',
      { body: { email: 'ADMIN@c2c.local', password: LOCAL_BOOTSTRAP_ADMIN.password } },
    );
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const [header, payload] = response.body.accessToken
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect(payload).toMatchObject({ iss: 'urn:c2c:gateway', aud: 'urn:c2c:api', roles: ['secretariat'] });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(900);
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    for (const body of [
      { email: LOCAL_BOOTSTRAP_ADMIN.email, password: 'wrong-password' },
      { email: 'nobody@example.org', password: 'whatever-password' },
    ]) {
      const response = await gateway.call('POST', '/api/v1/auth/token', { body });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({
        type: 'https://c2c.asianmayorsforum.org/problems/invalid-credentials',
        detail: 'wrong e-mail or password',
      });
    }
  });

  it('publishes the verification key in the JWKS', async () => {
    const token = await gateway.adminToken();
    const kid = (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid: string }).kid;
    const jwks = await gateway.call<{ keys: { kid: string; kty: string; d?: string }[] }>(
      'GET',
      '/.well-known/jwks.json',
    );
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys).toEqual(expect.arrayContaining([expect.objectContaining({ kid, kty: 'EC' })]));
    expect(jwks.body.keys.every((key) => key.d === undefined)).toBe(true);
  });

  it('tells the caller who it is', async () => {
    const officer = await gateway.user('city-officer', { cityId: randomUUID() }, admin);
    const me = await gateway.call('GET', '/api/v1/me', { token: officer.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userId: officer.id, email: officer.email, roles: ['city-officer'] });
  });

  it('creates users with case-insensitively unique e-mails', async () => {
    const email = `Unique-${randomUUID().slice(0, 8)}@Example.org`;
    const body = { email, name: 'Obs', password: 'long-enough-password', role: 'observer' };
    const created = await gateway.call('POST', '/api/v1/users', { token: admin, body });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/users/${String(created.body.id)}`);
    expect(created.headers.etag).toBe('W/"1"');
    expect(created.body).not.toHaveProperty('passwordHash');
    const again = await gateway.call('POST', '/api/v1/users', {
      token: admin,
      body: { ...body, email: email.toLowerCase() },
    });
    expect(again.status).toBe(409);
  });

  it('keeps a role and its scope consistent', async () => {
    const response = await gateway.call<{ errors: { field: string }[] }>('POST', '/api/v1/users', {
      token: admin,
      body: {
        email: `x-${randomUUID()}@example.org`,
        name: 'X',
        password: 'long-enough-password',
        role: 'city-officer',
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error) => error.field)).toEqual(['cityId']);
  });

  it('lists users a page at a time with an opaque cursor', async () => {
    for (let i = 0; i < 3; i++) await gateway.user('observer', {}, admin);
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await gateway.call<{ items: { id: string }[]; nextCursor: string | null }>(
        'GET',
        `/api/v1/users${query}`,
        { token: admin },
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      page.body.items.forEach((item) => seen.add(item.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 50);
    expect(seen.size).toBeGreaterThanOrEqual(4);
    // A full last page has no empty page after it: the extra row fetched tells whether one follows.
    expect(pages).toBe(Math.ceil(seen.size / 2));
    const bad = await gateway.call('GET', '/api/v1/users?cursor=bm9wZQ', { token: admin });
    expect(bad.status).toBe(400);
  });
});
