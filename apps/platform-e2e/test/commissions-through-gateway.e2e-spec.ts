import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceWorld } from '@c2c/service/testing';
import { eventually, readCloudEvent, type TopicRecorder } from '@c2c/testing';
import { CityModel as CommissionsCityModel } from '@c2c/commissions-app';
import { GatewayHarness, LateTargetProxy } from '@c2c/gateway-app/testing';
import { CityModel as PartnershipsCityModel } from '@c2c/partnerships-app';
import { CITIES, COMMISSIONS, PARTNERSHIPS } from './support/services';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Practice {
  id: string;
  status: string;
  transfers?: { partnershipId: string; adoptingCityId: string }[];
}

const FIRST = 'c0000000-0000-4000-8000-000000000001';
const SECOND = 'c0000000-0000-4000-8000-000000000002';

/**
 * The commissions as the forum meets them: every call through the real gateway, to the real cities,
 * partnerships and commissions services, which learn of each other's facts only over the broker.
 */
describe('commissions through the gateway, with the real cities, partnerships and commissions services', () => {
  let world: ServiceWorld;
  let jwks: LateTargetProxy;
  let cities: NestFastifyApplication;
  let partnerships: NestFastifyApplication;
  let commissions: NestFastifyApplication;
  let gateway: GatewayHarness;
  let events: TopicRecorder;
  let admin: string;
  let surabaya: string;
  let kitakyushu: string;

  beforeAll(async () => {
    world = await ServiceWorld.create('commissions_e2e');
    await world.ensureTopics('c2c.cities.v1', 'c2c.partnerships.v1', 'c2c.commissions.v1');
    jwks = await LateTargetProxy.start();
    const trustTheGateway = { AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json` };
    cities = (await world.start(CITIES, trustTheGateway)).app;
    partnerships = (await world.start(PARTNERSHIPS, { ...trustTheGateway, DETECTION_INTERVAL_MS: '0' })).app;
    commissions = (await world.start(COMMISSIONS, { ...trustTheGateway, OVERDUE_SWEEP_INTERVAL_MS: '0' }))
      .app;
    gateway = await GatewayHarness.start(
      {
        CITIES_URL: await cities.getUrl(),
        PARTNERSHIPS_URL: await partnerships.getUrl(),
        COMMISSIONS_URL: await commissions.getUrl(),
      },
      world,
    );
    jwks.forwardTo(gateway.url);
    admin = await gateway.adminToken();
    events = await world.record('c2c.commissions.v1');

    const member = async (name: string, countryCode: string) => {
      const created = await call<{ id: string }>(admin, 'POST', '/cities', {
        name,
        countryCode,
        level: 'metropolitan-city',
      });
      expect(created.status).toBe(201);
      const joined = await call(admin, 'POST', `/cities/${created.body.id}/membership`, {
        membershipStatus: 'member',
      });
      expect(joined.status).toBe(200);
      return created.body.id;
    };
    surabaya = await member('Surabaya', 'ID');
    kitakyushu = await member('Kitakyushu', 'JP');
    // Both services learn the cities, and their membership, from c2c.cities.v1 only.
    await eventually(
      async () => {
        const ids = [surabaya, kitakyushu];
        const known = await commissions.get(CommissionsCityModel).lookup(ids);
        expect(ids.map((id) => known.get(id)?.membershipStatus)).toEqual(['member', 'member']);
        expect((await partnerships.get(PartnershipsCityModel).lookup(ids)).size).toBe(2);
      },
      { timeout: 30_000 },
    );
  }, 180_000);

  afterAll(async () => {
    await world?.close();
    await jwks?.close();
  });

  function call<T = Record<string, unknown>>(
    token: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ) {
    return gateway.call<T>(method, `/api/v1${path}`, { token, body });
  }

  it('application → approval by the commission officer → member-admitted on the topic, a CloudEvent', async () => {
    const officer = (await gateway.user('city-officer', { cityId: surabaya }, admin)).token;
    const applied = await call<{ id: string; status: string }>(
      officer,
      'POST',
      `/commissions/${FIRST}/membership-requests`,
      { cityId: surabaya, motivation: 'To share our waste banks with peer cities.' },
    );
    expect(applied.status).toBe(201);
    expect(applied.body.status).toBe('pending');
    const decision = `/commissions/${FIRST}/membership-requests/${applied.body.id}/approval`;

    const ofSecond = (await gateway.user('commission-officer', { commissionIds: [SECOND] }, admin)).token;
    expect((await call(ofSecond, 'POST', decision)).status).toBe(403);
    const ofFirst = (await gateway.user('commission-officer', { commissionIds: [FIRST] }, admin)).token;
    expect((await call(ofFirst, 'POST', decision)).status).toBe(200);
    const twice = await call(ofFirst, 'POST', decision);
    expect(twice.status).toBe(409);

    const message = await eventually(() => {
      const found = events
        .ofType('c2c.commission.member-admitted.v1')
        .find((m) => (JSON.parse(m.value ?? '{}') as { cityId?: string }).cityId === surabaya);
      if (found === undefined) throw new Error('member-admitted not on the topic yet');
      return found;
    });
    const event = readCloudEvent(message);
    expect(event).toMatchObject({ type: 'c2c.commission.member-admitted.v1', source: '/c2c/commissions' });
    expect(event?.data).toMatchObject({ commissionId: FIRST, cityId: surabaya, requestId: applied.body.id });

    const dossier = await call<{ commissionMemberships: Page<{ commissionId: string }>; missing: string[] }>(
      admin,
      'GET',
      `/cities/${surabaya}/dossier`,
    );
    expect(dossier.body.commissionMemberships.items.map((m) => m.commissionId)).toEqual([FIRST]);
    expect(dossier.body.missing).toEqual([]);
  });

  it('practice submitted → published → named by a practice transfer → listed on its page', async () => {
    const ofKitakyushu = (await gateway.user('city-officer', { cityId: kitakyushu }, admin)).token;
    const observer = (await gateway.user('observer', {}, admin)).token;
    const practice = {
      cityId: kitakyushu,
      title: 'Takakura home composting',
      problem: 'Organic waste was half of what the city burned.',
      solution: 'Households compost in baskets seeded with fermented rice bran.',
      results: 'Household waste fell by a fifth in five years.',
      contact: { name: 'Environment Bureau' },
      challenges: ['environment'],
      sdgs: [11, 12],
      cooperationAreas: ['environment-and-climate'],
    };
    expect((await call(observer, 'POST', '/best-practices', practice)).status).toBe(403);
    const foreign = (await gateway.user('city-officer', { cityId: surabaya }, admin)).token;
    expect((await call(foreign, 'POST', '/best-practices', practice)).status).toBe(403);
    const submitted = await call<Practice>(ofKitakyushu, 'POST', '/best-practices', practice);
    expect(submitted.status).toBe(201);
    const reviewer = (await gateway.user('commission-officer', { commissionIds: [FIRST] }, admin)).token;
    const published = await call<Practice>(
      reviewer,
      'POST',
      `/best-practices/${submitted.body.id}/publication`,
    );
    expect(published.body.status).toBe('published');

    const partnership = await call<{ id: string; status: string }>(admin, 'POST', '/partnerships', {
      type: 'sister-city',
      title: 'Surabaya–Kitakyushu Green Sister City',
      proposerCityId: surabaya,
      participantCityIds: [kitakyushu],
      cooperationAreas: ['environment-and-climate'],
    });
    expect(partnership.status).toBe(201);
    const accepted = await call<{ status: string }>(
      admin,
      'POST',
      `/partnerships/${partnership.body.id}/acceptances`,
      { cityId: kitakyushu },
    );
    expect(accepted.body.status).toBe('active');

    const transfer = {
      kind: 'practice-transfer',
      title: 'Takakura composting in Surabaya',
      startDate: '2026-09-07',
      participatingCityIds: [kitakyushu, surabaya],
      practiceTransfer: {
        bestPracticeId: submitted.body.id,
        sourceCityId: kitakyushu,
        adoptingCityId: surabaya,
      },
    };
    // Partnerships admits the practice once c2c.commissions.v1 has told it of the publication.
    await eventually(
      async () => {
        const recorded = await call(
          admin,
          'POST',
          `/partnerships/${partnership.body.id}/activities`,
          transfer,
        );
        expect(recorded.status).toBe(201);
      },
      { timeout: 30_000, interval: 200 },
    );
    const unknown = await call<{ type: string }>(
      admin,
      'POST',
      `/partnerships/${partnership.body.id}/activities`,
      {
        ...transfer,
        practiceTransfer: { ...transfer.practiceTransfer, bestPracticeId: randomUUID() },
      },
    );
    expect(unknown.status).toBe(422);

    await eventually(
      async () => {
        const page = await call<Practice>(observer, 'GET', `/best-practices/${submitted.body.id}`);
        expect(page.body.transfers).toEqual([
          expect.objectContaining({ partnershipId: partnership.body.id, adoptingCityId: surabaya }),
        ]);
        // Surabaya is a member of the first commission: its active partnership shows on the page.
        const commission = await call<{ activePartnerships: { total: number } }>(
          observer,
          'GET',
          `/commissions/${FIRST}`,
        );
        expect(commission.body.activePartnerships.total).toBe(1);
      },
      { timeout: 30_000, interval: 200 },
    );
  });
});
