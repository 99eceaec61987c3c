import { Problem } from '@c2c/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayConfig } from '../../config';
import { Claim, IdempotencyRepository, StoredResponse } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';

interface Row {
  requestHash: string;
  response?: StoredResponse;
}

/** The repository's contract in memory: one row per owner and key, claimed, completed or released. */
class FakeIdempotencyRepository implements Pick<
  IdempotencyRepository,
  'claim' | 'complete' | 'release' | 'deleteExpired'
> {
  readonly rows = new Map<string, Row>();

  claim(owner: string, key: string, requestHash: string, _ttlHours: number, maxLive: number): Promise<Claim> {
    const row = this.rows.get(`${owner}|${key}`);
    const live = [...this.rows.keys()].filter((id) => id.startsWith(`${owner}|`)).length;
    if (row === undefined && live >= maxLive) {
      return Promise.resolve({ outcome: 'over-limit', retryAfterSeconds: 3600 });
    }
    if (row === undefined) {
      this.rows.set(`${owner}|${key}`, { requestHash });
      return Promise.resolve({ outcome: 'claimed' });
    }
    if (row.requestHash !== requestHash) return Promise.resolve({ outcome: 'mismatch' });
    if (row.response === undefined) return Promise.resolve({ outcome: 'in-progress' });
    return Promise.resolve({ outcome: 'replay', response: row.response });
  }

  complete(owner: string, key: string, response: StoredResponse): Promise<void> {
    const row = this.rows.get(`${owner}|${key}`);
    if (row !== undefined) row.response = response;
    return Promise.resolve();
  }

  release(owner: string, key: string): Promise<void> {
    this.rows.delete(`${owner}|${key}`);
    return Promise.resolve();
  }

  deleteExpired(): Promise<void> {
    return Promise.resolve();
  }
}

const OWNER = 'urn:c2c:gateway|user-1';

const request = (body: unknown, headers: Record<string, string> = {}, method = 'POST'): FastifyRequest =>
  ({ method, url: '/api/v1/cities', headers, body }) as unknown as FastifyRequest;

const keyed = (key: string, body: unknown = { name: 'Tehran', level: 'metropolitan-city' }) =>
  request(body, { 'idempotency-key': key });

function reply(statusCode: number, headers: Record<string, string> = {}): FastifyReply {
  return { statusCode, getHeader: (name: string) => headers[name] } as unknown as FastifyReply;
}

async function problemOf(work: Promise<unknown>): Promise<Problem> {
  const error: unknown = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error instanceof Problem) return error;
  throw new Error(`expected a problem, got ${String(error)}`);
}

describe(IdempotencyService.name, () => {
  let repository: FakeIdempotencyRepository;
  let service: IdempotencyService;

  beforeEach(() => {
    repository = new FakeIdempotencyRepository();
    service = new IdempotencyService(repository as unknown as IdempotencyRepository, new GatewayConfig());
  });

  /** Runs a request through the policy as the hooks do, answering with `answer` when it is not replayed. */
  async function run(req: FastifyRequest, answer: FastifyReply, payload = '{"id":"c1"}') {
    const stored = await service.begin(req, OWNER);
    if (stored === undefined) await service.finish(req, answer, payload);
    return stored;
  }

  it('claims a new key and lets the request run', async () => {
    const req = keyed('k-1');
    await expect(service.begin(req, OWNER)).resolves.toBeUndefined();
    expect(service.isPending(req)).toBe(true);
    expect(repository.rows.has(`${OWNER}|k-1`)).toBe(true);
  });

  it('replays the stored answer with its replayed headers for the same key and body', async () => {
    const created = reply(201, { location: '/api/v1/cities/c1', etag: 'W/"1"', server: 'internal' });
    await run(keyed('k-2'), created);
    const replayed = await service.begin(keyed('k-2'), OWNER);
    expect(replayed).toEqual({
      status: 201,
      headers: { location: '/api/v1/cities/c1', etag: 'W/"1"' },
      body: Buffer.from('{"id":"c1"}'),
    });
  });

  it('takes the body in canonical JSON: the order of keys does not make another request', async () => {
    await run(keyed('k-3', { a: 1, b: { c: 2, d: [1, 2] } }), reply(201));
    const replayed = await service.begin(keyed('k-3', { b: { d: [1, 2], c: 2 }, a: 1 }), OWNER);
    expect(replayed?.status).toBe(201);
  });

  it('refuses the key reused with another body (422)', async () => {
    await run(keyed('k-4', { name: 'Tehran' }), reply(201));
    const problem = await problemOf(service.begin(keyed('k-4', { name: 'Kitakyushu' }), OWNER));
    expect(problem.status).toBe(422);
    expect(problem.code).toBe('idempotency-key-reused');
  });

  it('answers 409 with Retry-After while the first request is still running', async () => {
    await service.begin(keyed('k-5'), OWNER);
    const problem = await problemOf(service.begin(keyed('k-5'), OWNER));
    expect(problem.status).toBe(409);
    expect(problem.code).toBe('idempotency-key-in-use');
    expect(problem.headers['retry-after']).toBe('1');
  });

  it.each([
    ['too long', 'x'.repeat(256)],
    ['empty', ''],
    ['with a space', 'with space'],
    ['not ASCII', 'naïve'],
  ])('refuses a malformed key (%s) with a 400 naming the header', async (_case, key) => {
    const problem = await problemOf(service.begin(keyed(key), OWNER));
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect(repository.rows.size).toBe(0);
  });

  it('releases the key of a failed answer (>= 400), so the corrected retry runs', async () => {
    const req = keyed('k-6');
    await run(req, reply(400));
    expect(service.isPending(req)).toBe(false);
    expect(repository.rows.size).toBe(0);
    await expect(service.begin(keyed('k-6'), OWNER)).resolves.toBeUndefined();
  });

  it('keeps an answer below 400 and settles the request', async () => {
    const req = keyed('k-7');
    await run(req, reply(200));
    expect(service.isPending(req)).toBe(false);
    expect(repository.rows.get(`${OWNER}|k-7`)?.response?.status).toBe(200);
  });

  it('refuses a new key beyond IDEMPOTENCY_KEYS_PER_USER with a 429 naming the limit, storing nothing', async () => {
    const capped = new IdempotencyService(
      repository as unknown as IdempotencyRepository,
      Object.assign(new GatewayConfig(), { IDEMPOTENCY_KEYS_PER_USER: 2 }),
    );
    await capped.begin(keyed('cap-1'), OWNER);
    await capped.begin(keyed('cap-2'), OWNER);
    const problem = await problemOf(capped.begin(keyed('cap-3'), OWNER));
    expect(problem.status).toBe(429);
    expect(problem.code).toBe('rate-limited');
    expect(problem.detail).toContain('at most 2 live Idempotency-Keys per user');
    expect(problem.headers['retry-after']).toBe('3600');
    expect(repository.rows.has(`${OWNER}|cap-3`)).toBe(false);
    // Another user has a budget of its own.
    await expect(capped.begin(keyed('cap-3'), 'urn:c2c:gateway|user-2')).resolves.toBeUndefined();
  });

  it('ignores requests other than POST and POSTs without the header', async () => {
    for (const req of [
      request({}, { 'idempotency-key': 'k-8' }, 'PATCH'),
      request({}, { 'idempotency-key': 'k-8' }, 'GET'),
      request({ name: 'Tehran' }),
    ]) {
      await expect(service.begin(req, OWNER)).resolves.toBeUndefined();
      expect(service.isPending(req)).toBe(false);
    }
    expect(repository.rows.size).toBe(0);
  });
});
