import { randomUUID } from 'node:crypto';
import { GatewayHarness } from './support/gateway-harness';

const newUser = () => ({
  email: `cap-${randomUUID()}@example.org`,
  name: 'Capped',
  password: 'long-enough-password',
  role: 'observer',
});

describe('gateway: a bound on live Idempotency-Keys per user', () => {
  let gateway: GatewayHarness;
  let admin: string;

  beforeAll(async () => {
    gateway = await GatewayHarness.start({ IDEMPOTENCY_KEYS_PER_USER: '3' });
    admin = await gateway.adminToken();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  const post = (body: unknown, key: string, token = admin) =>
    gateway.call('POST', '/api/v1/users', { token, body, headers: { 'idempotency-key': key } });

  const storedKeys = async () =>
    (await gateway.world.sql<{ key: string }>('select key from gateway.idempotency_keys')).map(
      (row) => row.key,
    );

  it('refuses a new key beyond the bound with a 429 naming the limit, and stores nothing for it', async () => {
    const keys = [randomUUID(), randomUUID(), randomUUID()];
    const bodies = keys.map(() => newUser());
    for (const [i, key] of keys.entries()) expect((await post(bodies[i], key)).status).toBe(201);

    const over = randomUUID();
    const refused = await post(newUser(), over);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ type: 'https://c2c.asianmayorsforum.org/problems/rate-limited' });
    expect(String(refused.body.detail)).toContain('at most 3 live Idempotency-Keys per user');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await storedKeys()).not.toContain(over);
    expect((await storedKeys()).sort()).toEqual([...keys].sort());

    // Keys already held still replay, and a POST without a key still runs.
    const replay = await post(bodies[0], keys[0]);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotency-replayed']).toBe('true');
    expect((await gateway.call('POST', '/api/v1/users', { token: admin, body: newUser() })).status).toBe(201);

    // The bound is per user: another caller has its own.
    const other = await gateway.user('secretariat');
    expect((await post(newUser(), randomUUID(), other.token)).status).toBe(201);
  });
});
