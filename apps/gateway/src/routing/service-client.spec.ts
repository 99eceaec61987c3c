import { Problem } from '@c2c/platform';
import { MockAgent } from 'undici';
import { BreakerState, ServiceClient, ServiceClientOptions, UpstreamRequest } from './service-client';

const ORIGIN = 'http://cities.internal:3001';
const PATH = '/cities/1';
const json = { 'content-type': 'application/json' };

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:3001'), { code: 'ECONNREFUSED' });

const get = (path = PATH): UpstreamRequest => ({ method: 'GET', path, headers: {} });
const post = (path = '/cities'): UpstreamRequest => ({ method: 'POST', path, headers: {}, body: '{}' });

async function problemOf(work: Promise<unknown>): Promise<Problem> {
  const error: unknown = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error instanceof Problem) return error;
  throw new Error(`expected a problem, got ${String(error)}`);
}

/** Resolves when the client's breaker reaches `state`; the test's own timeout is the deadline. */
const reaching = (client: ServiceClient, state: BreakerState): Promise<void> =>
  new Promise((resolve) => client.onStateChange((now) => now === state && resolve()));

describe(ServiceClient.name, () => {
  let agent: MockAgent;
  let client: ServiceClient;

  /** Requests that reached the (mock) service, retries included. */
  const calls = () => agent.getCallHistory()?.calls().length ?? 0;
  const service = () => agent.get(ORIGIN);

  const clientWith = (overrides: Partial<ServiceClientOptions> = {}) =>
    new ServiceClient('cities', ORIGIN, {
      timeoutMs: 1_000,
      connectTimeoutMs: 100,
      retries: 2,
      retryBackoffMs: 1,
      // A threshold no test reaches unless it means to.
      breaker: { resetMs: 60_000, errorPercent: 50, volumeThreshold: 1_000 },
      dispatcher: agent,
      ...overrides,
    });

  /** Swaps in a client with other options; the one replaced is closed (its breaker keeps timers). */
  const useClient = async (overrides: Partial<ServiceClientOptions>) => {
    await client.close();
    client = clientWith(overrides);
  };

  beforeEach(() => {
    agent = new MockAgent({ enableCallHistory: true });
    agent.disableNetConnect();
    client = clientWith();
  });

  afterEach(async () => {
    await client.close();
    await agent.close();
  });

  describe('retries', () => {
    it('retries a GET after a 503 and returns the answer that followed', async () => {
      service().intercept({ path: PATH }).reply(503, { title: 'busy' }, { headers: json });
      service().intercept({ path: PATH }).reply(200, { id: '1' }, { headers: json });
      const response = await client.send(get());
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body.toString())).toEqual({ id: '1' });
      expect(calls()).toBe(2);
    });

    it('retries a GET after a refused connection', async () => {
      service().intercept({ path: PATH }).replyWithError(refused());
      service().intercept({ path: PATH }).reply(200, { id: '1' }, { headers: json });
      expect((await client.send(get())).status).toBe(200);
      expect(calls()).toBe(2);
    });

    it('passes the last 503 on as the service gave it once the retries are used up', async () => {
      service().intercept({ path: PATH }).reply(503, { title: 'busy' }, { headers: json }).times(3);
      const response = await client.send(get());
      expect(response.status).toBe(503);
      expect(JSON.parse(response.body.toString())).toEqual({ title: 'busy' });
      expect(calls()).toBe(3);
    });

    it('answers 503 naming the service when every attempt to connect fails', async () => {
      service().intercept({ path: PATH }).replyWithError(refused()).times(3);
      const problem = await problemOf(client.send(get()));
      expect(problem.status).toBe(503);
      expect(problem.code).toBe('service-unavailable');
      expect(problem.extensions).toEqual({ service: 'cities' });
      expect(problem.headers['retry-after']).toBe('60');
      expect(calls()).toBe(3);
    });

    it('never repeats a POST, neither after a 503 nor after a refused connection', async () => {
      service().intercept({ path: '/cities', method: 'POST' }).reply(503, { title: 'busy' }).persist();
      expect((await client.send(post())).status).toBe(503);
      expect(calls()).toBe(1);

      service().intercept({ path: '/other', method: 'POST' }).replyWithError(refused()).persist();
      expect((await problemOf(client.send(post('/other')))).status).toBe(503);
      expect(calls()).toBe(2);
    });

    it('does not retry a 500 or a 4xx', async () => {
      service().intercept({ path: PATH }).reply(500, { title: 'bug' }).times(1);
      service().intercept({ path: PATH }).reply(404, { title: 'none' }).times(1);
      expect((await client.send(get())).status).toBe(500);
      expect((await client.send(get())).status).toBe(404);
      expect(calls()).toBe(2);
    });

    it('gives up after the timeout with a 504 naming the service, without retrying', async () => {
      await useClient({ timeoutMs: 30 });
      service().intercept({ path: PATH }).reply(200, {}).delay(60_000).persist();
      const problem = await problemOf(client.send(get()));
      expect(problem.status).toBe(504);
      expect(problem.code).toBe('gateway-timeout');
      expect(problem.extensions).toEqual({ service: 'cities' });
      expect(calls()).toBe(1);
    });
  });

  describe('circuit breaker', () => {
    beforeEach(() =>
      useClient({ retries: 0, breaker: { resetMs: 20, errorPercent: 50, volumeThreshold: 3 } }),
    );

    it('opens after enough 503s and then refuses without calling the service', async () => {
      service().intercept({ path: PATH }).reply(503, {}).persist();
      for (let i = 0; i < 3; i++) expect((await client.send(get())).status).toBe(503);
      expect(client.state).toBe('open');

      const refusedCall = await problemOf(client.send(get()));
      expect(refusedCall.status).toBe(503);
      expect(refusedCall.detail).toBe('the cities service is unavailable (circuit open)');
      expect(calls()).toBe(3);
      expect(client.counts).toEqual({ calls: 3, refused: 1 });
    });

    it('opens after enough failed connections', async () => {
      service().intercept({ path: PATH }).replyWithError(refused()).persist();
      for (let i = 0; i < 3; i++) await problemOf(client.send(get()));
      expect(client.state).toBe('open');
    });

    it('opens after enough timeouts', async () => {
      await useClient({
        retries: 0,
        timeoutMs: 20,
        breaker: { resetMs: 60_000, errorPercent: 50, volumeThreshold: 3 },
      });
      service().intercept({ path: PATH }).reply(200, {}).delay(60_000).persist();
      for (let i = 0; i < 3; i++) expect((await problemOf(client.send(get()))).status).toBe(504);
      expect(client.state).toBe('open');
    });

    it.each([500, 400, 404, 409, 422])(
      'stays closed however many %i answers come back: they are about the request',
      async (status) => {
        service().intercept({ path: PATH }).reply(status, {}).persist();
        for (let i = 0; i < 10; i++) expect((await client.send(get())).status).toBe(status);
        expect(client.state).toBe('closed');
        expect(calls()).toBe(10);
      },
    );

    it('lets one trial through when half-open, and closes again when it succeeds', async () => {
      service().intercept({ path: PATH }).replyWithError(refused()).times(3);
      service().intercept({ path: PATH }).reply(200, { id: '1' }, { headers: json });
      const halfOpen = reaching(client, 'half-open');
      for (let i = 0; i < 3; i++) await problemOf(client.send(get()));
      expect(client.state).toBe('open');

      await halfOpen;
      expect(client.state).toBe('half-open');
      expect((await client.send(get())).status).toBe(200);
      expect(client.state).toBe('closed');
      expect(calls()).toBe(4);
    });

    it('opens again when the half-open trial fails', async () => {
      service().intercept({ path: PATH }).reply(503, {}).persist();
      const halfOpen = reaching(client, 'half-open');
      for (let i = 0; i < 3; i++) await client.send(get());
      await halfOpen;
      expect((await client.send(get())).status).toBe(503);
      expect(client.state).toBe('open');
      expect(calls()).toBe(4);
    });
  });
});
