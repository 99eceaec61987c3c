import { randomUUID } from 'node:crypto';
import { ServiceName, Upstreams } from '../src/routing/upstreams';
import { Barrier, closedPortUrl, FakeUpstream, Gate } from './support/fake-upstream';
import { GatewayHarness } from './support/gateway-harness';

const claimsOf = (jwt: string): { aud?: unknown; sub?: unknown } =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as {
    aud?: unknown;
    sub?: unknown;
  };

/**
 * What a service receives in place of the caller's token: a token of its own audience for the same
 * subject, never the caller's (which only the gateway accepts).
 */
function expectInternalToken(authorization: unknown, callerToken: string, service: string): void {
  expect(typeof authorization).toBe('string');
  const [scheme, jwt = ''] = String(authorization).split(' ');
  expect(scheme).toBe('Bearer');
  expect(jwt).not.toBe(callerToken);
  expect(claimsOf(jwt)).toMatchObject({ aud: `urn:c2c:service:${service}`, sub: claimsOf(callerToken).sub });
}

const problemType = (code: string) => `https://c2c.asianmayorsforum.org/problems/${code}`;

describe('gateway routing to the services', () => {
  let cities: FakeUpstream;
  let partnerships: FakeUpstream;
  let commissions: FakeUpstream;
  let gateway: GatewayHarness;
  let token: string;
  const cityId = randomUUID();

  const cityPartnerships = () => ({ body: { items: [{ id: 'p1' }], nextCursor: null } });

  beforeAll(async () => {
    cities = await FakeUpstream.start();
    partnerships = await FakeUpstream.start(cityPartnerships);
    commissions = await FakeUpstream.start(() => ({
      body: { items: [{ commissionId: 'c1' }], nextCursor: null },
    }));
    gateway = await GatewayHarness.start({
      CITIES_URL: cities.url,
      PARTNERSHIPS_URL: partnerships.url,
      COMMISSIONS_URL: commissions.url,
      // One deadline covers a call and its retries: at 300 ms a 503, its backoff and the second try
      // overran it on a busy CI machine (a 504 where the retry answered 200). The slow-service test
      // below waits on its gate, not on the clock, so a longer deadline costs it only its length.
      UPSTREAM_TIMEOUT_MS: '2000',
      BREAKER_VOLUME_THRESHOLD: '1000',
    });
    token = await gateway.adminToken();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([cities, partnerships, commissions].map((upstream) => upstream?.stop()));
  });

  beforeEach(() => {
    partnerships.behaviour = cityPartnerships;
    cities.behaviour = () => ({
      status: 200,
      body: { id: cityId, name: 'Tehran', version: 3 },
      headers: { etag: 'W/"3"' },
    });
  });

  it('forwards to the same path without /api/v1, with the caller, request id and trace', async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const response = await gateway.call('GET', '/api/v1/cities?country=IR&limit=5', {
      token,
      headers: { traceparent, 'x-request-id': 'req-routing-1' },
    });
    expect(response.status).toBe(200);
    const received = cities.requests.at(-1);
    expect(received?.url).toBe('/cities?country=IR&limit=5');
    expectInternalToken(received?.headers.authorization, token, 'cities');
    expect(received?.headers['x-request-id']).toBe('req-routing-1');
    expect(response.headers['x-request-id']).toBe('req-routing-1');
    expect(received?.headers.traceparent).toBe(traceparent);

    await gateway.call('GET', `/api/v1/cities/${cityId}`, { token });
    expect(cities.requests.at(-1)?.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('passes the body on, and the answer back with its status, ETag and a gateway Location', async () => {
    cities.behaviour = (request) => ({
      status: 201,
      body: { id: cityId, ...(request.body as object) },
      headers: { etag: 'W/"1"', location: `/cities/${cityId}`, server: 'internal-detail' },
    });
    const body = { name: 'Tehran', countryCode: 'IR', level: 'metropolitan-city' };
    const response = await gateway.call('POST', '/api/v1/cities', { token, body });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: cityId, ...body });
    expect(cities.requests.at(-1)?.body).toEqual(body);
    expect(response.headers.etag).toBe('W/"1"');
    expect(response.headers.location).toBe(`/api/v1/cities/${cityId}`);
    expect(response.headers.server).toBeUndefined();
  });

  it("passes a service's problem on as it is", async () => {
    cities.behaviour = () => ({
      status: 404,
      body: { type: problemType('not-found'), status: 404, title: 'Not found' },
    });
    const response = await gateway.call('GET', `/api/v1/cities/${randomUUID()}`, { token });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: problemType('not-found') });
  });

  it("names the gateway's path, not the service's, as a passed-on problem's instance", async () => {
    const id = randomUUID();
    cities.behaviour = () => ({
      status: 404,
      body: { type: problemType('not-found'), status: 404, title: 'Not found', instance: `/cities/${id}` },
    });
    const response = await gateway.call('GET', `/api/v1/cities/${id}`, { token });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ type: problemType('not-found'), instance: `/api/v1/cities/${id}` });
  });

  it('validates the id before calling anyone', async () => {
    const before = cities.requests.length;
    const response = await gateway.call('GET', '/api/v1/cities/not-a-uuid', { token });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errors: [{ field: 'id' }] });
    expect(cities.requests).toHaveLength(before);
  });

  it('retries an idempotent GET after a 503, but never a POST', async () => {
    const id = randomUUID();
    let calls = 0;
    cities.behaviour = () =>
      ++calls === 1 ? { status: 503, body: { status: 503 } } : { status: 200, body: { id } };
    expect((await gateway.call('GET', `/api/v1/cities/${id}`, { token })).status).toBe(200);
    expect(cities.hits(`/cities/${id}`)).toHaveLength(2);

    cities.behaviour = () => ({ status: 503, body: { status: 503, title: 'busy' } });
    const before = cities.hits('/cities').length;
    const post = await gateway.call('POST', '/api/v1/cities', { token, body: { name: 'X' } });
    expect(post.status).toBe(503);
    expect(post.body).toMatchObject({ title: 'busy' });
    expect(cities.hits('/cities')).toHaveLength(before + 1);
  });

  it('gives up on a slow service after the timeout with a 504 naming it, without retrying', async () => {
    const id = randomUUID();
    // The service answers only when the test lets it: whatever the gateway answers first is its own.
    const slow = new Gate();
    cities.behaviour = () => ({ status: 200, body: {}, until: slow.opened });
    try {
      const response = await gateway.call('GET', `/api/v1/cities/${id}`, { token });
      expect(response.status).toBe(504);
      expect(response.body).toMatchObject({ type: problemType('gateway-timeout'), service: 'cities' });
      expect(cities.hits(`/cities/${id}`)).toHaveLength(1);
    } finally {
      slow.open();
    }
  });

  describe('partnerships', () => {
    const partnershipId = randomUUID();

    it('passes the list filters and the cursor through, with the caller, request id and trace', async () => {
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      const query = `status=active&type=sister-city&cityId=${cityId}&limit=5&cursor=eyJpZCI6IngifQ`;
      const response = await gateway.call('GET', `/api/v1/partnerships?${query}`, {
        token,
        headers: { traceparent, 'x-request-id': 'req-partnerships-1' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ items: [{ id: 'p1' }], nextCursor: null });
      const received = partnerships.requests.at(-1);
      expect(received?.url).toBe(`/partnerships?${query}`);
      expectInternalToken(received?.headers.authorization, token, 'partnerships');
      expect(received?.headers['x-request-id']).toBe('req-partnerships-1');
      expect(received?.headers.traceparent).toBe(traceparent);
    });

    it('forwards a proposal with its Idempotency-Key and gives a gateway Location back', async () => {
      partnerships.behaviour = (request) => ({
        status: 201,
        body: { id: partnershipId, status: 'proposed', ...(request.body as object) },
        headers: { location: `/partnerships/${partnershipId}` },
      });
      const body = {
        type: 'sister-city',
        title: 'Tehran–Kitakyushu',
        proposerCityId: cityId,
        participantCityIds: [randomUUID()],
        cooperationAreas: ['transport'],
      };
      const key = `key-${randomUUID()}`;
      const response = await gateway.call('POST', '/api/v1/partnerships', {
        token,
        body,
        headers: { 'idempotency-key': key },
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ id: partnershipId, status: 'proposed' });
      expect(response.headers.location).toBe(`/api/v1/partnerships/${partnershipId}`);
      const received = partnerships.requests.at(-1);
      expect(received).toMatchObject({ method: 'POST', url: '/partnerships', body });
      expect(received?.headers['idempotency-key']).toBe(key);
    });

    it.each([
      ['acceptances', { cityId }],
      ['declines', { cityId, reason: 'not now' }],
      ['withdrawal', { reason: 'changed plans' }],
      ['suspension', { reason: 'elections' }],
      ['resumption', { reason: 'new council' }],
      ['termination', { reason: 'completed' }],
      [
        'activities',
        { kind: 'study-visit', title: 'Visit', startDate: '2026-05-01', participatingCityIds: [cityId] },
      ],
    ])('forwards POST /partnerships/{id}/%s with its body', async (name, body) => {
      partnerships.behaviour = () => ({
        status: name === 'activities' ? 201 : 200,
        body: { id: partnershipId },
      });
      const response = await gateway.call('POST', `/api/v1/partnerships/${partnershipId}/${name}`, {
        token,
        body,
      });
      expect(response.status).toBe(name === 'activities' ? 201 : 200);
      expect(partnerships.requests.at(-1)).toMatchObject({
        method: 'POST',
        url: `/partnerships/${partnershipId}/${name}`,
        body,
      });
    });

    it("passes the service's 409 with the current state on as it is", async () => {
      const conflict = {
        type: problemType('invalid-transition'),
        status: 409,
        currentStatus: 'proposed',
        allowedTransitions: ['accept', 'decline', 'withdraw'],
      };
      partnerships.behaviour = () => ({ status: 409, body: conflict });
      const response = await gateway.call('POST', `/api/v1/partnerships/${partnershipId}/suspension`, {
        token,
        body: { reason: 'too early' },
      });
      expect(response.status).toBe(409);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toEqual(conflict);
    });

    it('reads one and its history (page query passed on), after checking the id', async () => {
      await gateway.call('GET', `/api/v1/partnerships/${partnershipId}`, { token });
      expect(partnerships.requests.at(-1)?.url).toBe(`/partnerships/${partnershipId}`);
      await gateway.call('GET', `/api/v1/partnerships/${partnershipId}/history?limit=2`, { token });
      expect(partnerships.requests.at(-1)?.url).toBe(`/partnerships/${partnershipId}/history?limit=2`);

      const before = partnerships.requests.length;
      const malformed = await gateway.call('POST', '/api/v1/partnerships/nope/acceptances', {
        token,
        body: { cityId },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ errors: [{ field: 'id' }] });
      expect(partnerships.requests).toHaveLength(before);
    });

    it('retries a GET after a 503 but never a lifecycle POST', async () => {
      let calls = 0;
      partnerships.behaviour = () =>
        ++calls === 1 ? { status: 503, body: { status: 503 } } : { status: 200, body: { id: partnershipId } };
      expect((await gateway.call('GET', `/api/v1/partnerships/${partnershipId}`, { token })).status).toBe(
        200,
      );
      expect(calls).toBe(2);

      calls = 0;
      partnerships.behaviour = () => (++calls, { status: 503, body: { status: 503, title: 'busy' } });
      const post = await gateway.call('POST', `/api/v1/partnerships/${partnershipId}/acceptances`, {
        token,
        body: { cityId },
      });
      expect(post.status).toBe(503);
      expect(post.body).toMatchObject({ title: 'busy' });
      expect(calls).toBe(1);
    });
  });

  describe('dossier', () => {
    it('fans out to every service and assembles the parts', async () => {
      const response = await gateway.call('GET', `/api/v1/cities/${cityId}/dossier`, { token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        city: { id: cityId, name: 'Tehran', version: 3 },
        partnerships: { items: [{ id: 'p1' }], nextCursor: null },
        commissionMemberships: { items: [{ commissionId: 'c1' }], nextCursor: null },
        bestPractices: { items: [{ commissionId: 'c1' }], nextCursor: null },
        missing: [],
      });
      expect(commissions.requests.map((r) => r.url)).toEqual(
        expect.arrayContaining([
          `/memberships?cityId=${cityId}&limit=100`,
          `/best-practices?cityId=${cityId}&limit=100&status=all`,
        ]),
      );
      expect(partnerships.requests.at(-1)?.url).toBe(`/partnerships?cityId=${cityId}&limit=100`);
      expectInternalToken(partnerships.requests.at(-1)?.headers.authorization, token, 'partnerships');
    });

    it('asks the services in parallel', async () => {
      // Each call is answered only once all four have been made: made one after the other, the
      // first would wait for the others in vain and the gateway would time out on it.
      const allAsked = new Barrier(4, 2_000);
      const answerWhenAllAsked = (body: unknown) => async () =>
        (await allAsked.arrive())
          ? { status: 200, body }
          : { status: 500, body: { title: 'the others were not asked meanwhile' } };
      cities.behaviour = answerWhenAllAsked({ id: cityId });
      partnerships.behaviour = answerWhenAllAsked({ items: [] });
      commissions.behaviour = answerWhenAllAsked({ items: [] });
      const response = await gateway.call('GET', `/api/v1/cities/${cityId}/dossier`, { token });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ city: { id: cityId }, missing: [] });
      expect(allAsked.arrived).toBe(4);
    });

    it('marks a part missing when its service fails, and still answers', async () => {
      partnerships.behaviour = () => ({ status: 503, body: { status: 503 } });
      commissions.behaviour = () => ({ status: 200, body: { items: [] } });
      const response = await gateway.call('GET', `/api/v1/cities/${cityId}/dossier`, { token });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ partnerships: null, missing: ['partnerships'] });
    });

    it("answers with the city's 404 when there is no such city", async () => {
      cities.behaviour = () => ({ status: 404, body: { type: problemType('not-found'), status: 404 } });
      const response = await gateway.call('GET', `/api/v1/cities/${randomUUID()}/dossier`, { token });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ type: problemType('not-found') });
    });
  });
});

describe('gateway routing when a service is down', () => {
  let gateway: GatewayHarness;
  let cities: FakeUpstream;
  let token: string;

  beforeAll(async () => {
    cities = await FakeUpstream.start(() => ({ status: 200, body: { id: 'c' } }));
    gateway = await GatewayHarness.start({
      CITIES_URL: cities.url,
      PARTNERSHIPS_URL: await closedPortUrl(),
      COMMISSIONS_URL: await closedPortUrl(),
      NOTIFICATIONS_URL: await closedPortUrl(),
      UPSTREAM_TIMEOUT_MS: '300',
      BREAKER_VOLUME_THRESHOLD: '3',
      BREAKER_RESET_MS: '60000',
    });
    token = await gateway.adminToken();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await cities?.stop();
  });

  const countsOf = (service: ServiceName) => gateway.app.get(Upstreams).of(service).counts;

  it('marks partnerships missing in the dossier while the city is served', async () => {
    const response = await gateway.call('GET', `/api/v1/cities/${randomUUID()}/dossier`, { token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      city: { id: 'c' },
      partnerships: null,
      commissionMemberships: null,
      bestPractices: null,
      missing: ['partnerships', 'commissionMemberships', 'bestPractices'],
    });
  });

  it('answers 503 naming the partnerships service, and opens its circuit', async () => {
    const body = { reason: 'unreachable' };
    for (let i = 0; i < 3; i++) {
      const response = await gateway.call('POST', `/api/v1/partnerships/${randomUUID()}/suspension`, {
        token,
        body,
      });
      // Unavailable, not timed out: a refused connection is an answer, not a wait.
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('60');
      expect(response.body).toMatchObject({
        type: problemType('service-unavailable'),
        service: 'partnerships',
      });
    }

    const before = countsOf('partnerships');
    const open = await gateway.call('GET', `/api/v1/partnerships?cityId=${randomUUID()}`, { token });
    expect(open.status).toBe(503);
    expect(open.headers['retry-after']).toBe('60');
    expect(open.body.detail).toBe('the partnerships service is unavailable (circuit open)');
    // Refused by the breaker without a call.
    expect(countsOf('partnerships')).toEqual({ calls: before.calls, refused: before.refused + 1 });
  });

  it('answers 503 naming the service once the cities service goes down, then opens the circuit', async () => {
    await cities.stop();
    const received = cities.requests.length;
    for (let i = 0; i < 3; i++) {
      const response = await gateway.call('GET', `/api/v1/cities/${randomUUID()}`, { token });
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('60');
      expect(response.body).toMatchObject({ type: problemType('service-unavailable'), service: 'cities' });
    }

    const before = countsOf('cities');
    const open = await gateway.call('GET', `/api/v1/cities/${randomUUID()}`, { token });
    expect(open.status).toBe(503);
    expect(open.headers['retry-after']).toBe('60');
    expect(open.body.detail).toBe('the cities service is unavailable (circuit open)');
    // Refused by the breaker without a call.
    expect(countsOf('cities')).toEqual({ calls: before.calls, refused: before.refused + 1 });
    // Nothing reached the stopped service, retries included.
    expect(cities.requests).toHaveLength(received);
  });
});
