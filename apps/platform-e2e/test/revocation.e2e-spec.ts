import { randomUUID } from 'node:crypto';
import { ServiceWorld, type RunningService } from '@c2c/service/testing';
import { eventually } from '@c2c/testing';
import type { CitiesConfig } from '@c2c/cities-app';
import { closedPortUrl, GatewayHarness, LateTargetProxy } from '@c2c/gateway-app/testing';
import type { PartnershipsConfig } from '@c2c/partnerships-app';
import { CITIES, PARTNERSHIPS } from './support/services';

/** The services read the gateway's revocation feed every 200 ms here; seconds leave room for a slow machine. */
const WITHIN_SECONDS = { timeout: 8_000, interval: 100 };

/**
 * Revocation across the platform: the real gateway in front of the real cities and partnerships
 * services, which verify the gateway's internal tokens against its JWKS and learn revocations from
 * its feed (both through one address, since the services start before the gateway listens).
 */
describe('revoking access across the gateway and the services', () => {
  let world: ServiceWorld;
  let jwks: LateTargetProxy;
  let cities: RunningService<CitiesConfig>;
  let partnerships: RunningService<PartnershipsConfig>;
  let gateway: GatewayHarness;
  let admin: string;

  beforeAll(async () => {
    world = await ServiceWorld.create('revocation_e2e');
    await world.ensureTopics('c2c.cities.v1', 'c2c.partnerships.v1');
    jwks = await LateTargetProxy.start();
    const trustTheGateway = { AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json` };
    cities = await world.start(CITIES, trustTheGateway);
    partnerships = await world.start(PARTNERSHIPS, { ...trustTheGateway, DETECTION_INTERVAL_MS: '0' });
    gateway = await GatewayHarness.start(
      {
        CITIES_URL: cities.url,
        PARTNERSHIPS_URL: partnerships.url,
        COMMISSIONS_URL: await closedPortUrl(),
      },
      world,
    );
    jwks.forwardTo(gateway.url);
    admin = await gateway.adminToken();
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    await jwks?.close();
  });

  const direct = (service: RunningService<CitiesConfig | PartnershipsConfig>, path: string, token: string) =>
    service.call('GET', path, { as: { token } });

  it("refuses a client's own token sent straight to a service; through the gateway it works", async () => {
    const user = await gateway.user('observer');
    expect((await gateway.call('GET', '/api/v1/cities', { token: user.token })).status).toBe(200);
    expect((await gateway.call('GET', '/api/v1/partnerships', { token: user.token })).status).toBe(200);
    for (const [service, path] of [
      [cities, '/cities'],
      [partnerships, '/partnerships'],
    ] as const) {
      const response = await direct(service, path, user.token);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ detail: "the token's aud claim is not valid" });
    }
    // The gateway's token for one service is not good at another.
    const forCities = await gateway.internalToken('cities', user.token);
    expect((await direct(cities, '/cities', forCities)).statusCode).toBe(200);
    expect((await direct(partnerships, '/partnerships', forCities)).statusCode).toBe(401);
  });

  it("refuses a deactivated user's tokens within seconds on forwarded routes and at the services themselves", async () => {
    const user = await gateway.user('observer');
    const forCities = await gateway.internalToken('cities', user.token);
    const forPartnerships = await gateway.internalToken('partnerships', user.token);
    expect((await direct(cities, '/cities', forCities)).statusCode).toBe(200);
    expect((await direct(partnerships, '/partnerships', forPartnerships)).statusCode).toBe(200);

    const deactivated = await gateway.call('POST', `/api/v1/users/${user.id}/deactivation`, { token: admin });
    expect(deactivated.status).toBe(200);

    await eventually(async () => {
      expect((await gateway.call('GET', '/api/v1/cities', { token: user.token })).status).toBe(401);
      expect((await gateway.call('GET', '/api/v1/partnerships', { token: user.token })).status).toBe(401);
      // Tokens the gateway already handed the services, valid for another minute, are refused too.
      const atCities = await direct(cities, '/cities', forCities);
      expect([atCities.statusCode, atCities.json()]).toEqual([
        401,
        expect.objectContaining({ detail: 'the token has been revoked' }),
      ]);
      expect((await direct(partnerships, '/partnerships', forPartnerships)).statusCode).toBe(401);
    }, WITHIN_SECONDS);

    await gateway.call('POST', `/api/v1/users/${user.id}/reactivation`, { token: admin });
    const again = await gateway.login(user.email, user.password);
    expect((await gateway.call('GET', '/api/v1/cities', { token: again })).status).toBe(200);
    expect((await direct(cities, '/cities', forCities)).statusCode).toBe(401);
  });

  it('ends older tokens at the services too when the password changes', async () => {
    const user = await gateway.user('observer');
    const forCities = await gateway.internalToken('cities', user.token);
    const changed = await gateway.call('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      headers: { 'if-match': 'W/"1"' },
      body: { password: `new-${randomUUID()}` },
    });
    expect(changed.status).toBe(200);
    await eventually(async () => {
      expect((await gateway.call('GET', '/api/v1/cities', { token: user.token })).status).toBe(401);
      expect((await direct(cities, '/cities', forCities)).statusCode).toBe(401);
    }, WITHIN_SECONDS);
  });
});
