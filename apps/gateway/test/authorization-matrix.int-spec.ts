import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeUpstream } from './support/fake-upstream';
import { CallOptions, GatewayHarness } from './support/gateway-harness';

type Caller = 'anonymous' | 'secretariat' | 'commission-officer' | 'city-officer' | 'observer';
const CALLERS: Caller[] = ['anonymous', 'secretariat', 'commission-officer', 'city-officer', 'observer'];

const CITY_A = randomUUID();
const CITY_B = randomUUID();
const COMMISSION = randomUUID();

interface Ids {
  userId: string;
}

interface Route {
  method: 'GET' | 'POST' | 'PATCH';
  path: (ids: Ids) => string;
  options?: () => CallOptions;
  /** Expected status per caller, in the order of CALLERS. */
  expect: [number, number, number, number, number];
}

const newUser = () => ({
  body: {
    email: `m-${randomUUID()}@example.org`,
    name: 'M',
    password: 'long-enough-password',
    role: 'observer',
  },
});
const ifMatch = (body: unknown = {}) => ({ body, headers: { 'if-match': 'W/"1"' } });

/**
 * THE table: every route × every caller → status. "city-officer" is an officer of city A; the
 * PATCH of city B is the object-level case (an officer acting for another city).
 */
const MATRIX: Record<string, Route> = {
  'GET /.well-known/jwks.json': {
    method: 'GET',
    path: () => '/.well-known/jwks.json',
    expect: [200, 200, 200, 200, 200],
  },
  'GET /api/v1/events/catalog': {
    method: 'GET',
    path: () => '/api/v1/events/catalog',
    expect: [200, 200, 200, 200, 200],
  },
  'GET /api/v1/me': { method: 'GET', path: () => '/api/v1/me', expect: [401, 200, 200, 200, 200] },
  'GET /api/v1/users': { method: 'GET', path: () => '/api/v1/users', expect: [401, 200, 403, 403, 403] },
  'POST /api/v1/users': {
    method: 'POST',
    path: () => '/api/v1/users',
    options: newUser,
    expect: [401, 201, 403, 403, 403],
  },
  'GET /api/v1/users/{id}': {
    method: 'GET',
    path: (ids) => `/api/v1/users/${ids.userId}`,
    expect: [401, 200, 403, 403, 403],
  },
  'PATCH /api/v1/users/{id}': {
    method: 'PATCH',
    path: (ids) => `/api/v1/users/${ids.userId}`,
    options: () => ({ body: { name: 'Renamed' }, headers: { 'if-match': '*' } }),
    expect: [401, 200, 403, 403, 403],
  },
  'GET /api/v1/cities': { method: 'GET', path: () => '/api/v1/cities', expect: [401, 200, 200, 200, 200] },
  'POST /api/v1/cities': {
    method: 'POST',
    path: () => '/api/v1/cities',
    options: () => ({ body: { name: 'Tehran', countryCode: 'IR', level: 'metropolitan-city' } }),
    expect: [401, 201, 403, 403, 403],
  },
  'GET /api/v1/cities/{A}': {
    method: 'GET',
    path: () => `/api/v1/cities/${CITY_A}`,
    expect: [401, 200, 200, 200, 200],
  },
  'PATCH /api/v1/cities/{A} (own city)': {
    method: 'PATCH',
    path: () => `/api/v1/cities/${CITY_A}`,
    options: () => ifMatch({ population: 1 }),
    expect: [401, 200, 403, 200, 403],
  },
  'PATCH /api/v1/cities/{B} (another city)': {
    method: 'PATCH',
    path: () => `/api/v1/cities/${CITY_B}`,
    options: () => ifMatch({ population: 1 }),
    expect: [401, 200, 403, 403, 403],
  },
  'POST /api/v1/cities/{A}/membership': {
    method: 'POST',
    path: () => `/api/v1/cities/${CITY_A}/membership`,
    options: () => ({ body: { membershipStatus: 'member' } }),
    expect: [401, 200, 403, 403, 403],
  },
  'POST /api/v1/cities/{A}/archive': {
    method: 'POST',
    path: () => `/api/v1/cities/${CITY_A}/archive`,
    expect: [401, 200, 403, 403, 403],
  },
  'GET /api/v1/cities/{A}/dossier': {
    method: 'GET',
    path: () => `/api/v1/cities/${CITY_A}/dossier`,
    expect: [401, 200, 200, 200, 200],
  },
};

const CASES = Object.entries(MATRIX).flatMap(([name, route]) =>
  CALLERS.map((caller, index) => [name, caller, route.expect[index]] as const),
);

describe('gateway authorization matrix (route × role)', () => {
  let gateway: GatewayHarness;
  let upstream: FakeUpstream;
  const tokens = new Map<Caller, string | undefined>();
  const ids: Ids = { userId: '' };

  beforeAll(async () => {
    // Every service answers success, so a status here is the gateway's own decision.
    upstream = await FakeUpstream.start((request) => ({
      status: request.method === 'POST' && request.url === '/cities' ? 201 : 200,
      body: request.url.startsWith('/cities/')
        ? { id: CITY_A, name: 'City', version: 1 }
        : { items: [], nextCursor: null },
    }));
    const catalog = path.join(mkdtempSync(path.join(tmpdir(), 'c2c-catalog-')), 'asyncapi.yaml');
    writeFileSync(catalog, 'asyncapi: 3.0.0\n');
    gateway = await GatewayHarness.start({
      CITIES_URL: upstream.url,
      PARTNERSHIPS_URL: upstream.url,
      COMMISSIONS_URL: upstream.url,
      ASYNCAPI_PATH: catalog,
    });
    const admin = await gateway.adminToken();
    tokens.set('anonymous', undefined);
    tokens.set('secretariat', admin);
    tokens.set(
      'commission-officer',
      (await gateway.user('commission-officer', { commissionIds: [COMMISSION] }, admin)).token,
    );
    tokens.set('city-officer', (await gateway.user('city-officer', { cityId: CITY_A }, admin)).token);
    const observer = await gateway.user('observer', {}, admin);
    tokens.set('observer', observer.token);
    ids.userId = observer.id;
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.stop();
  });

  it('covers every documented route of the gateway', async () => {
    const document = await gateway.call<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/docs/openapi.json',
    );
    const documented = Object.entries(document.body.paths).flatMap(([route, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${route}`),
    );
    const tabled = new Set(
      Object.values(MATRIX).map((route) =>
        `${route.method} ${route.path({ userId: '{id}' })}`.replace(CITY_A, '{id}').replace(CITY_B, '{id}'),
      ),
    );
    const untested = documented.filter((route) => !tabled.has(route) && route !== 'POST /api/v1/auth/token');
    expect(untested).toEqual([]);
  });

  it.each(CASES)('%s as %s → %i', async (name, caller, status) => {
    const route = MATRIX[name];
    const response = await gateway.call(route.method, route.path(ids), {
      ...route.options?.(),
      token: tokens.get(caller),
    });
    expect({ status: response.status, body: response.status === status ? undefined : response.text }).toEqual(
      {
        status,
        body: undefined,
      },
    );
    if (status === 401 || status === 403) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
