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
const PARTNERSHIP = randomUUID();
const REQUEST = randomUUID();
const MEETING = randomUUID();
const RESOLUTION = randomUUID();
const ACTION = randomUUID();
const PRACTICE = randomUUID();
const NOTIFICATION = randomUUID();
const WEBHOOK = randomUUID();
const DELIVERY = randomUUID();

interface Ids {
  userId: string;
  /** A user no caller logs in as: deactivating it changes no other row's outcome. */
  targetId: string;
}

interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
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

/** A partnership command: the gateway lets the writing roles through; the service judges the city. */
const transition = (name: string, body: object): Record<string, Route> => ({
  [`POST /api/v1/partnerships/{P}/${name}`]: {
    method: 'POST',
    path: () => `/api/v1/partnerships/${PARTNERSHIP}/${name}`,
    options: () => ({ body }),
    expect: [401, 200, 403, 200, 403],
  },
});

/** A decision on a membership request: the gateway lets the deciding roles through; the service judges the commission. */
const decision = (name: string, body: object): Record<string, Route> => ({
  [`POST /api/v1/commissions/{C}/membership-requests/{R}/${name}`]: {
    method: 'POST',
    path: () => `/api/v1/commissions/${COMMISSION}/membership-requests/${REQUEST}/${name}`,
    options: () => ({ body }),
    expect: [401, 200, 200, 403, 403],
  },
});

/**
 * THE table: every route × every caller → status, as the gateway decides it (every service here says
 * yes). "city-officer" is an officer of city A; the PATCH of city B is the object-level case the gateway
 * can see (an officer acting for another city). Which cities a partnership involves only the
 * partnerships service knows: its object-level refusals (an officer of A accepting for B) are tested
 * through the gateway against the real service in partnerships-through-gateway.int-spec.ts.
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
  'POST /api/v1/users/{id}/deactivation': {
    method: 'POST',
    path: (ids) => `/api/v1/users/${ids.targetId}/deactivation`,
    expect: [401, 200, 403, 403, 403],
  },
  'POST /api/v1/users/{id}/reactivation': {
    method: 'POST',
    path: (ids) => `/api/v1/users/${ids.targetId}/reactivation`,
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
  'GET /api/v1/partnerships': {
    method: 'GET',
    path: () => `/api/v1/partnerships?cityId=${CITY_A}&status=active&limit=5`,
    expect: [401, 200, 200, 200, 200],
  },
  'POST /api/v1/partnerships': {
    method: 'POST',
    path: () => '/api/v1/partnerships',
    options: () => ({
      body: {
        type: 'sister-city',
        title: 'A–B',
        proposerCityId: CITY_A,
        participantCityIds: [CITY_B],
        cooperationAreas: ['transport'],
      },
    }),
    expect: [401, 201, 403, 201, 403],
  },
  'GET /api/v1/partnerships/{P}': {
    method: 'GET',
    path: () => `/api/v1/partnerships/${PARTNERSHIP}`,
    expect: [401, 200, 200, 200, 200],
  },
  'GET /api/v1/partnerships/{P}/history': {
    method: 'GET',
    path: () => `/api/v1/partnerships/${PARTNERSHIP}/history`,
    expect: [401, 200, 200, 200, 200],
  },
  ...transition('acceptances', { cityId: CITY_A }),
  ...transition('declines', { cityId: CITY_A, reason: 'no' }),
  ...transition('withdrawal', { reason: 'changed plans' }),
  ...transition('suspension', { reason: 'pause' }),
  ...transition('resumption', { reason: 'back' }),
  ...transition('termination', { reason: 'done' }),
  'POST /api/v1/partnerships/{P}/activities': {
    method: 'POST',
    path: () => `/api/v1/partnerships/${PARTNERSHIP}/activities`,
    options: () => ({
      body: {
        kind: 'study-visit',
        title: 'Visit',
        startDate: '2026-05-01',
        participatingCityIds: [CITY_A, CITY_B],
      },
    }),
    expect: [401, 201, 403, 201, 403],
  },
  'GET /api/v1/commissions': {
    method: 'GET',
    path: () => '/api/v1/commissions',
    expect: [401, 200, 200, 200, 200],
  },
  'GET /api/v1/commissions/{C}': {
    method: 'GET',
    path: () => `/api/v1/commissions/${COMMISSION}`,
    expect: [401, 200, 200, 200, 200],
  },
  'PATCH /api/v1/commissions/{C}': {
    method: 'PATCH',
    path: () => `/api/v1/commissions/${COMMISSION}`,
    options: () => ifMatch({ chairCityId: CITY_A }),
    expect: [401, 200, 403, 403, 403],
  },
  'GET /api/v1/commissions/{C}/members': {
    method: 'GET',
    path: () => `/api/v1/commissions/${COMMISSION}/members`,
    expect: [401, 200, 200, 200, 200],
  },
  'POST /api/v1/commissions/{C}/membership-requests': {
    method: 'POST',
    path: () => `/api/v1/commissions/${COMMISSION}/membership-requests`,
    options: () => ({ body: { cityId: CITY_A, motivation: 'To learn from peers.' } }),
    expect: [401, 201, 403, 201, 403],
  },
  'GET /api/v1/commissions/{C}/membership-requests': {
    method: 'GET',
    path: () => `/api/v1/commissions/${COMMISSION}/membership-requests?status=pending`,
    expect: [401, 200, 200, 200, 200],
  },
  'GET /api/v1/commissions/{C}/membership-requests/{R}': {
    method: 'GET',
    path: () => `/api/v1/commissions/${COMMISSION}/membership-requests/${REQUEST}`,
    expect: [401, 200, 200, 200, 200],
  },
  ...decision('approval', {}),
  ...decision('rejection', { reason: 'Apply again next mandate.' }),
  'POST /api/v1/commissions/{C}/members/{A}/departure (own city)': {
    method: 'POST',
    path: () => `/api/v1/commissions/${COMMISSION}/members/${CITY_A}/departure`,
    expect: [401, 200, 403, 200, 403],
  },
  'POST /api/v1/commissions/{C}/members/{B}/departure (another city)': {
    method: 'POST',
    path: () => `/api/v1/commissions/${COMMISSION}/members/${CITY_B}/departure`,
    expect: [401, 200, 403, 403, 403],
  },
  'POST /api/v1/commissions/{C}/meetings': {
    method: 'POST',
    path: () => `/api/v1/commissions/${COMMISSION}/meetings`,
    options: () => ({
      body: {
        title: 'Second meeting',
        startsAt: '2026-10-14T02:00:00Z',
        timeZone: 'Asia/Jakarta',
        onlineUrl: 'https://meet.example.org/c2c',
      },
    }),
    expect: [401, 201, 201, 403, 403],
  },
  'GET /api/v1/commissions/{C}/meetings': {
    method: 'GET',
    path: () => `/api/v1/commissions/${COMMISSION}/meetings`,
    expect: [401, 200, 200, 200, 200],
  },
  'POST /api/v1/commissions/{C}/meetings/{M}/minutes': {
    method: 'POST',
    path: () => `/api/v1/commissions/${COMMISSION}/meetings/${MEETING}/minutes`,
    options: () => ({ body: { attendingCityIds: [CITY_A], minutes: 'Met and agreed.' } }),
    expect: [401, 200, 200, 403, 403],
  },
  'POST /api/v1/commissions/{C}/meetings/{M}/cancellation': {
    method: 'POST',
    path: () => `/api/v1/commissions/${COMMISSION}/meetings/${MEETING}/cancellation`,
    options: () => ({ body: { reason: 'Typhoon warning.' } }),
    expect: [401, 200, 200, 403, 403],
  },
  'POST /api/v1/commissions/{C}/resolutions': {
    method: 'POST',
    path: () => `/api/v1/commissions/${COMMISSION}/resolutions`,
    options: () => ({
      body: { meetingId: MEETING, kind: 'declaration', title: 'Declaration', text: 'The cities commit.' },
    }),
    expect: [401, 201, 201, 403, 403],
  },
  'GET /api/v1/commissions/{C}/resolutions': {
    method: 'GET',
    path: () => `/api/v1/commissions/${COMMISSION}/resolutions`,
    expect: [401, 200, 200, 200, 200],
  },
  // The gateway lets the owner city's officers through too; the service judges the owner city.
  'PATCH /api/v1/commissions/{C}/resolutions/{R}/actions/{A}': {
    method: 'PATCH',
    path: () => `/api/v1/commissions/${COMMISSION}/resolutions/${RESOLUTION}/actions/${ACTION}`,
    options: () => ifMatch({ status: 'in-progress' }),
    expect: [401, 200, 200, 200, 403],
  },
  'GET /api/v1/common-challenges': {
    method: 'GET',
    path: () => '/api/v1/common-challenges',
    expect: [401, 200, 200, 200, 200],
  },
  'GET /api/v1/best-practices': {
    method: 'GET',
    path: () => '/api/v1/best-practices?q=composting',
    expect: [401, 200, 200, 200, 200],
  },
  // The city is in the body: the gateway lets city officers through, the service judges the city.
  'POST /api/v1/best-practices': {
    method: 'POST',
    path: () => '/api/v1/best-practices',
    options: () => ({ body: { cityId: CITY_A, title: 'Composting' } }),
    expect: [401, 201, 403, 201, 403],
  },
  'GET /api/v1/best-practices/{id}': {
    method: 'GET',
    path: () => `/api/v1/best-practices/${PRACTICE}`,
    expect: [401, 200, 200, 200, 200],
  },
  'PUT /api/v1/best-practices/{id}': {
    method: 'PUT',
    path: () => `/api/v1/best-practices/${PRACTICE}`,
    options: () => ifMatch({ title: 'Composting' }),
    expect: [401, 200, 403, 200, 403],
  },
  'POST /api/v1/best-practices/{id}/publication': {
    method: 'POST',
    path: () => `/api/v1/best-practices/${PRACTICE}/publication`,
    expect: [401, 200, 200, 403, 403],
  },
  'POST /api/v1/best-practices/{id}/return': {
    method: 'POST',
    path: () => `/api/v1/best-practices/${PRACTICE}/return`,
    options: () => ({ body: { comments: 'Add the figures.' } }),
    expect: [401, 200, 200, 403, 403],
  },
  // Everyone signed in has an inbox (an observer's is empty); the service decides what is in it.
  'GET /api/v1/notifications': {
    method: 'GET',
    path: () => '/api/v1/notifications?type=c2c.partnership.proposed.v1',
    expect: [401, 200, 200, 200, 200],
  },
  'POST /api/v1/notifications/{id}/read': {
    method: 'POST',
    path: () => `/api/v1/notifications/${NOTIFICATION}/read`,
    expect: [401, 200, 200, 200, 200],
  },
  'POST /api/v1/notifications/read-all': {
    method: 'POST',
    path: () => '/api/v1/notifications/read-all',
    expect: [401, 200, 200, 200, 200],
  },
  'GET /api/v1/webhooks': {
    method: 'GET',
    path: () => '/api/v1/webhooks',
    expect: [401, 200, 403, 403, 403],
  },
  'POST /api/v1/webhooks': {
    method: 'POST',
    path: () => '/api/v1/webhooks',
    options: () => ({ body: { url: 'https://partners.example.org/hooks', eventTypes: ['*'] } }),
    expect: [401, 201, 403, 403, 403],
  },
  'DELETE /api/v1/webhooks/{id}': {
    method: 'DELETE',
    path: () => `/api/v1/webhooks/${WEBHOOK}`,
    expect: [401, 200, 403, 403, 403],
  },
  'GET /api/v1/webhooks/{id}/deliveries': {
    method: 'GET',
    path: () => `/api/v1/webhooks/${WEBHOOK}/deliveries`,
    expect: [401, 200, 403, 403, 403],
  },
  'POST /api/v1/webhooks/{id}/secret-rotation': {
    method: 'POST',
    path: () => `/api/v1/webhooks/${WEBHOOK}/secret-rotation`,
    expect: [401, 200, 403, 403, 403],
  },
  'POST /api/v1/webhooks/{id}/deliveries/{did}/redelivery': {
    method: 'POST',
    path: () => `/api/v1/webhooks/${WEBHOOK}/deliveries/${DELIVERY}/redelivery`,
    expect: [401, 200, 403, 403, 403],
  },
  'GET /api/v1/admin/dead-letters': {
    method: 'GET',
    path: () => '/api/v1/admin/dead-letters?type=c2c.city.registered.v1',
    expect: [401, 200, 403, 403, 403],
  },
  'GET /api/v1/admin/dead-letters/{service}/{partition}/{offset}': {
    method: 'GET',
    path: () => '/api/v1/admin/dead-letters/partnerships/0/1',
    expect: [401, 200, 403, 403, 403],
  },
  'POST /api/v1/admin/dead-letters/replay': {
    method: 'POST',
    path: () => '/api/v1/admin/dead-letters/replay',
    options: () => ({ body: { service: 'partnerships', partition: 0, offset: '1' } }),
    expect: [401, 200, 403, 403, 403],
  },
  'GET /api/v1/admin/outbox': {
    method: 'GET',
    path: () => '/api/v1/admin/outbox',
    expect: [401, 200, 403, 403, 403],
  },
  'GET /api/v1/admin/consumers': {
    method: 'GET',
    path: () => '/api/v1/admin/consumers',
    expect: [401, 200, 403, 403, 403],
  },
  'GET /api/v1/memberships': {
    method: 'GET',
    path: () => `/api/v1/memberships?cityId=${CITY_A}&limit=100`,
    expect: [401, 200, 200, 200, 200],
  },
};

/** What a service answers when it says yes: a creation is a 201. */
const CREATIONS = [
  /^\/cities$/,
  /^\/partnerships$/,
  /^\/partnerships\/[^/]+\/activities$/,
  /^\/commissions\/[^/]+\/membership-requests$/,
  /^\/commissions\/[^/]+\/meetings$/,
  /^\/commissions\/[^/]+\/resolutions$/,
  /^\/best-practices$/,
  /^\/webhooks$/,
];

const CASES = Object.entries(MATRIX).flatMap(([name, route]) =>
  CALLERS.map((caller, index) => [name, caller, route.expect[index]] as const),
);

describe('gateway authorization matrix (route × role)', () => {
  let gateway: GatewayHarness;
  let upstream: FakeUpstream;
  const tokens = new Map<Caller, string | undefined>();
  const ids: Ids = { userId: '', targetId: '' };

  beforeAll(async () => {
    // Every service answers success, so a status here is the gateway's own decision.
    upstream = await FakeUpstream.start((request) => ({
      status: request.method === 'POST' && CREATIONS.some((path) => path.test(request.url)) ? 201 : 200,
      body: request.url.startsWith('/cities/')
        ? { id: CITY_A, name: 'City', version: 1 }
        : request.url === '/admin/dead-letters/replay'
          ? { replayed: [] }
          : { items: [], nextCursor: null },
    }));
    const catalog = path.join(mkdtempSync(path.join(tmpdir(), 'c2c-catalog-')), 'asyncapi.yaml');
    writeFileSync(catalog, 'asyncapi: 3.0.0\n');
    gateway = await GatewayHarness.start({
      CITIES_URL: upstream.url,
      PARTNERSHIPS_URL: upstream.url,
      COMMISSIONS_URL: upstream.url,
      NOTIFICATIONS_URL: upstream.url,
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
    ids.targetId = (await gateway.user('observer', {}, admin)).id;
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
        `${route.method} ${route.path({ userId: '{id}', targetId: '{id}' })}`
          .split('?')[0]
          .replace('/dead-letters/partnerships/0/1', '/dead-letters/{service}/{partition}/{offset}')
          .replace(`/members/${CITY_A}/`, '/members/{cityId}/')
          .replace(`/members/${CITY_B}/`, '/members/{cityId}/')
          .replace(COMMISSION, '{id}')
          .replace(REQUEST, '{rid}')
          .replace(MEETING, '{mid}')
          .replace(RESOLUTION, '{rid}')
          .replace(ACTION, '{aid}')
          .replace(CITY_A, '{id}')
          .replace(CITY_B, '{id}')
          .replace(PARTNERSHIP, '{id}')
          .replace(PRACTICE, '{id}')
          .replace(NOTIFICATION, '{id}')
          .replace(WEBHOOK, '{id}')
          .replace(DELIVERY, '{did}'),
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
