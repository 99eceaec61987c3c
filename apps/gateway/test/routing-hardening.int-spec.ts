import { randomUUID } from 'node:crypto';
import { Upstreams } from '../src/routing/upstreams';
import { FakeUpstream } from './support/fake-upstream';
import { GatewayHarness } from './support/gateway-harness';

describe('gateway: no calls to services without a configured address', () => {
  let cities: FakeUpstream;
  let partnerships: FakeUpstream;
  let gateway: GatewayHarness;
  const cityId = randomUUID();

  beforeAll(async () => {
    cities = await FakeUpstream.start(() => ({ body: { id: cityId, name: 'Tehran', version: 1 } }));
    partnerships = await FakeUpstream.start(() => ({ body: { items: [], nextCursor: null } }));
    // No COMMISSIONS_URL or NOTIFICATIONS_URL: those services do not run in this deployment.
    gateway = await GatewayHarness.start({ CITIES_URL: cities.url, PARTNERSHIPS_URL: partnerships.url });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([cities, partnerships].map((upstream) => upstream?.stop()));
  });

  it('the dossier names the commissions parts missing without calling any commissions address', async () => {
    const response = await gateway.call('GET', `/api/v1/cities/${cityId}/dossier`, {
      token: await gateway.adminToken(),
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      city: { id: cityId, name: 'Tehran', version: 1 },
      partnerships: { items: [], nextCursor: null },
      commissionMemberships: null,
      bestPractices: null,
      missing: ['commissionMemberships', 'bestPractices'],
    });
    // No client exists for it: nothing (a caller's token least of all) can be sent to a default address.
    const upstreams = gateway.app.get(Upstreams);
    expect(upstreams.has('commissions')).toBe(false);
    expect(upstreams.has('notifications')).toBe(false);
    expect(gateway.config.COMMISSIONS_URL).toBeUndefined();
  });
});
