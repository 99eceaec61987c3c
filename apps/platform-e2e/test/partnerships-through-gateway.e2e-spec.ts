import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceWorld } from '@c2c/service/testing';
import { eventually } from '@c2c/testing';
import { buildCitiesApiDocument } from '@c2c/cities-app';
import { closedPortUrl, GatewayHarness, LateTargetProxy } from '@c2c/gateway-app/testing';
import { buildPartnershipsApiDocument, CityModel } from '@c2c/partnerships-app';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CITIES, PARTNERSHIPS } from './support/services';

interface City {
  id: string;
  name: string;
  archivedAt: string | null;
}

interface Participant {
  cityId: string;
  countryCode: string;
  role: string;
  acceptedAt: string | null;
}

interface Partnership {
  id: string;
  status: string;
  proposerCityId: string;
  participants: Participant[];
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Dossier {
  city: City;
  partnerships: Page<Partnership> | null;
  commissionMemberships: unknown;
  missing: string[];
}

interface HistoryEntry {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  cityId: string | null;
  reason: string | null;
}

const problemType = (code: string) => `https://c2c.asianmayorsforum.org/problems/${code}`;

/**
 * The platform as a user meets it: the real gateway, cities and partnerships apps, each with its own
 * schema and role in one database, the services talking over the real broker, every call through the
 * gateway with tokens it issued (the services verify them against its JWKS).
 */
describe('partnerships through the gateway, with the real cities and partnerships services', () => {
  let world: ServiceWorld;
  let jwks: LateTargetProxy;
  let cities: NestFastifyApplication | undefined;
  let partnerships: NestFastifyApplication | undefined;
  let gateway: GatewayHarness | undefined;
  let token: string;

  beforeAll(async () => {
    world = await ServiceWorld.create('platform_e2e');
    await world.ensureTopics('c2c.cities.v1', 'c2c.partnerships.v1');
    // The services need the gateway's JWKS address before the gateway (which needs theirs) listens.
    jwks = await LateTargetProxy.start();
    const trustTheGateway = { AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json` };
    cities = (await world.start(CITIES, trustTheGateway)).app;
    partnerships = (await world.start(PARTNERSHIPS, { ...trustTheGateway, DETECTION_INTERVAL_MS: '0' })).app;
    gateway = await GatewayHarness.start(
      {
        CITIES_URL: await cities.getUrl(),
        PARTNERSHIPS_URL: await partnerships.getUrl(),
        // No commissions service here: the dossier names that part missing.
        COMMISSIONS_URL: await closedPortUrl(),
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

  const call = <T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => {
    if (gateway === undefined) throw new Error('the gateway did not start');
    return gateway.call<T>(method, `/api/v1${path}`, { token, body, headers });
  };

  const registerCity = async (name: string, countryCode: string): Promise<string> => {
    const response = await call<City>('POST', '/cities', { name, countryCode, level: 'metropolitan-city' });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201, body: { name } });
    return response.body.id;
  };

  it('serves every operation of the running services under /api/v1, as their own documents describe it', async () => {
    // The gateway composes its public document from the services' documents instead of restating
    // them: each operation a running service documents is there, with its id and its bodies.
    const published = await gateway!.call<OpenAPIObject>('GET', '/docs/openapi.json');
    const operations = (document: OpenAPIObject, prefix = '') =>
      Object.entries(document.paths).flatMap(([route, item]) =>
        Object.entries(item as Record<string, { operationId?: string }>).map(
          ([method, operation]) => `${method.toUpperCase()} ${prefix}${route} ${operation.operationId}`,
        ),
      );
    const ours = operations(published.body);
    const theirs = [
      ...operations(buildCitiesApiDocument(cities!), '/api/v1'),
      ...operations(buildPartnershipsApiDocument(partnerships!), '/api/v1'),
    ];
    expect(theirs.length).toBeGreaterThanOrEqual(17);
    expect(theirs.filter((operation) => !ours.includes(operation))).toEqual([]);
  });

  it('proposes, accepts, shows it in the dossier, and suspends it when a city is archived', async () => {
    const surabaya = await registerCity('Surabaya', 'ID');
    const kitakyushu = await registerCity('Kitakyushu', 'JP');

    // The partnerships service learns cities only from c2c.cities.v1, over the broker.
    await eventually(
      async () => {
        const known = await partnerships!.get(CityModel).lookup([surabaya, kitakyushu]);
        expect([...known.keys()].sort()).toEqual([surabaya, kitakyushu].sort());
      },
      { timeout: 30_000 },
    );

    const proposal = {
      type: 'sister-city',
      title: 'Surabaya–Kitakyushu Green Sister City',
      proposerCityId: surabaya,
      participantCityIds: [kitakyushu],
      cooperationAreas: ['environment-and-climate', 'water-and-sanitation'],
      sdgTags: [6, 11],
      startDate: '2026-04-01',
      endDate: '2031-03-31',
    };
    const proposed = await call<Partnership>('POST', '/partnerships', proposal, {
      'idempotency-key': `propose-${randomUUID()}`,
    });
    expect(proposed.status).toBe(201);
    const id = proposed.body.id;
    expect(proposed.headers.location).toBe(`/api/v1/partnerships/${id}`);
    expect(proposed.body).toMatchObject({ status: 'proposed', proposerCityId: surabaya });

    // The gateway lets a city officer through to the service, which knows it acts only for its city.
    const officer = await gateway!.user('city-officer', { cityId: surabaya });
    const foreign = await gateway!.call('POST', `/api/v1/partnerships/${id}/acceptances`, {
      token: officer.token,
      body: { cityId: kitakyushu },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ type: problemType('forbidden') });

    const accepted = await call<Partnership>('POST', `/partnerships/${id}/acceptances`, {
      cityId: kitakyushu,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('active');

    const read = await call<Partnership>('GET', `/partnerships/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('active');
    expect(read.body.participants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ cityId: surabaya, countryCode: 'ID', role: 'proposer' }),
        expect.objectContaining({ cityId: kitakyushu, countryCode: 'JP', role: 'partner' }),
      ]),
    );
    expect(read.body.participants.every((participant) => participant.acceptedAt !== null)).toBe(true);

    const listed = await call<Page<Partnership>>('GET', `/partnerships?cityId=${kitakyushu}&status=active`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item) => item.id)).toEqual([id]);

    const dossier = await call<Dossier>('GET', `/cities/${surabaya}/dossier`);
    expect(dossier.status).toBe(200);
    expect(dossier.body.city).toMatchObject({ id: surabaya, name: 'Surabaya' });
    expect(dossier.body.partnerships?.items).toEqual([expect.objectContaining({ id, status: 'active' })]);
    expect(dossier.body.missing).toEqual(['commissionMemberships', 'bestPractices']);

    const archived = await call<City>('POST', `/cities/${kitakyushu}/archive`, { reason: 'merged' });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();

    // The cities service announces it; the partnerships service reacts on its own.
    await eventually(
      async () => {
        const after = await call<Partnership>('GET', `/partnerships/${id}`);
        expect(after.body.status).toBe('suspended');
      },
      { timeout: 30_000, interval: 100 },
    );
    const history = await call<Page<HistoryEntry>>('GET', `/partnerships/${id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((entry) => entry.action)).toEqual([
      'proposed',
      'accepted',
      'activated',
      'suspended',
    ]);
    expect(history.body.items.at(-1)).toMatchObject({
      fromStatus: 'active',
      toStatus: 'suspended',
      actorId: null,
      cityId: kitakyushu,
      reason: 'city archived',
    });
    const suspendedInDossier = await call<Dossier>('GET', `/cities/${surabaya}/dossier`);
    expect(suspendedInDossier.body.partnerships?.items).toEqual([
      expect.objectContaining({ id, status: 'suspended' }),
    ]);
  });
});
