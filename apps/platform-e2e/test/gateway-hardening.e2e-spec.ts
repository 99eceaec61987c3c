import { encodeCursor, type ProblemDetails } from '@c2c/platform';
import { ServiceWorld } from '@c2c/service/testing';
import { closedPortUrl, GatewayHarness, LateTargetProxy } from '@c2c/gateway-app/testing';
import { CITIES } from './support/services';

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const fieldsOf = (problem: ProblemDetails): string[] => (problem.errors ?? []).map((error) => error.field);

/**
 * Hostile input through the real gateway in front of the real cities service: refused as the
 * caller's 400 at the edge or by the service, never a 500, and never counted against the service by
 * the gateway's circuit breaker (which would then refuse everyone).
 */
describe('the gateway in front of the cities service, under hostile input', () => {
  let world: ServiceWorld;
  let jwks: LateTargetProxy;
  let gateway: GatewayHarness;
  let token: string;

  beforeAll(async () => {
    world = await ServiceWorld.create('gateway_hardening');
    await world.ensureTopics('c2c.cities.v1');
    jwks = await LateTargetProxy.start();
    const cities = await world.start(CITIES, { AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json` });
    gateway = await GatewayHarness.start(
      {
        CITIES_URL: cities.url,
        PARTNERSHIPS_URL: await closedPortUrl(),
        COMMISSIONS_URL: await closedPortUrl(),
        // The breaker as production configures it: a few failures in a small window open it.
        BREAKER_VOLUME_THRESHOLD: '5',
        BREAKER_ERROR_PERCENT: '50',
      },
      world,
    );
    jwks.forwardTo(gateway.url);
    token = await gateway.adminToken();
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    await jwks?.close();
  });

  it('answers 200 × GET /api/v1/cities?q=%00 with 400 and keeps the breaker closed', async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      const response = await gateway.call('GET', '/api/v1/cities?q=%00', { token });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 400: 200 });
    expect((await gateway.call('GET', '/api/v1/cities?q=Tehran', { token })).status).toBe(200);
  });

  it('keeps the breaker closed under 200 cursors the service itself refuses with 400', async () => {
    const forged = encodeCursor({ name: 'Tehran', id: '-'.repeat(36) });
    const statuses = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      const response = await gateway.call<ProblemDetails>('GET', `/api/v1/cities?cursor=${forged}`, {
        token,
      });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (i === 0) expect(fieldsOf(response.body)).toEqual(['cursor']);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 400: 200 });
    expect((await gateway.call('GET', '/api/v1/cities', { token })).status).toBe(200);
  });

  it('answers a NUL in the e-mail of the unauthenticated POST /api/v1/auth/token with 400 naming it', async () => {
    const response = await gateway.call<ProblemDetails>('POST', '/api/v1/auth/token', {
      body: { email: 'admin\u0000@example.org', password: 'whatever-it-is' },
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['email']);
  });

  it('answers 10 KB of nested JSON to POST /api/v1/auth/token with 400, before any authentication', async () => {
    const response = await gateway.call<ProblemDetails>('POST', '/api/v1/auth/token', {
      body: nested(5_000),
    });
    expect(response.status).toBe(400);
    expect(response.text).not.toMatch(/stack|RangeError/);
  });

  it('answers a users cursor whose id is any string with 400 naming cursor', async () => {
    for (const id of ['admin', '-'.repeat(36)]) {
      const cursor = encodeCursor({ createdAt: '2026-03-24T08:15:00.000Z', id });
      const response = await gateway.call<ProblemDetails>('GET', `/api/v1/users?cursor=${cursor}`, { token });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['cursor']);
    }
    const bad = encodeCursor({
      createdAt: '2026-02-30T00:00:00Z',
      id: '123e4567-e89b-42d3-a456-426614174000',
    });
    expect((await gateway.call('GET', `/api/v1/users?cursor=${bad}`, { token })).status).toBe(400);
  });
});
