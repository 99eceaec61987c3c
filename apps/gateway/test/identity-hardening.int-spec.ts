import { eventually } from '@c2c/testing';
import { GatewayHarness, HttpResponse } from './support/gateway-harness';

const problemType = (code: string) => `https://c2c.asianmayorsforum.org/problems/${code}`;

describe('gateway: logins no one can spoof, spray or flood', () => {
  let defaults: GatewayHarness;
  let tuned: GatewayHarness;

  beforeAll(async () => {
    // Default TRUST_PROXY and login limits, as an operator who configured nothing gets them.
    defaults = await GatewayHarness.start();
    // A second replica on the same database with a generous per-IP login budget, so the per-account
    // throttle and the hashing bound are what answers.
    tuned = await GatewayHarness.start(
      {
        RATE_LIMIT_LOGIN_PER_IP: '1000',
        LOGIN_LOCKOUT_BASE_SECONDS: '1',
        PASSWORD_HASH_CONCURRENCY: '1',
        PASSWORD_HASH_QUEUE: '2',
      },
      defaults.world,
    );
  }, 60_000);

  afterAll(async () => {
    await tuned?.close();
    await defaults?.close();
  });

  const login = (gateway: GatewayHarness, email: string, password: string, headers = {}) =>
    gateway.call('POST', '/api/v1/auth/token', { body: { email, password }, headers });

  function expectTooMany(response: HttpResponse, scope: string): void {
    expect(response.status).toBe(429);
    expect(response.body).toMatchObject({ type: problemType('rate-limited') });
    expect(String(response.body.detail)).toContain(`this ${scope}`);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  }

  it('30 failed logins from 30 different X-Forwarded-For values hit the login limit (429): no proxy is trusted by default', async () => {
    const statuses: number[] = [];
    let last: HttpResponse | undefined;
    for (let i = 0; i < 30; i++) {
      // A new e-mail each time, so only the per-IP limit can answer 429.
      last = await login(defaults, `sprayed-${i}@example.org`, 'wrong-password', {
        'x-forwarded-for': `203.0.113.${i + 1}`,
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
    expectTooMany(last as HttpResponse, 'address');
  });

  it('locks an account out after 5 failed logins with a 429 and Retry-After, growing the lockout; a success resets it', async () => {
    const officer = await tuned.user('observer');
    const wrong = () => login(tuned, officer.email, 'wrong-password');
    for (let i = 0; i < 5; i++) expect((await wrong()).status).toBe(401);
    // Even the right password is refused while locked out, and no argon2 work is spent on it.
    const locked = await login(tuned, officer.email, officer.password);
    expectTooMany(locked, 'account');
    expect(locked.headers['retry-after']).toBe('1');
    // Only that account: the administrator logs in meanwhile.
    expect((await login(tuned, 'admin@c2c.local', 'change-me-locally')).status).toBe(200);

    // Once the lockout is over, five more failures lock it out twice as long.
    await waitForLogin(officer.email, 'wrong-password', 401);
    for (let i = 0; i < 4; i++) expect((await wrong()).status).toBe(401);
    expect((await login(tuned, officer.email, officer.password)).headers['retry-after']).toBe('2');

    // A success ends the backoff: the next lockout is the first one's length again.
    await waitForLogin(officer.email, officer.password, 200);
    for (let i = 0; i < 5; i++) expect((await wrong()).status).toBe(401);
    expect((await login(tuned, officer.email, officer.password)).headers['retry-after']).toBe('1');
  });

  /** Retries a login while it is locked out (429), until it gets `status`. */
  async function waitForLogin(email: string, password: string, status: number): Promise<void> {
    await eventually(
      async () => {
        expect((await login(tuned, email, password)).status).toBe(status);
      },
      { timeout: 5_000, interval: 100 },
    );
  }

  it('bounds the password-hashing queue: a burst beyond it gets 503 service-unavailable with Retry-After', async () => {
    const burst = await Promise.all(
      Array.from({ length: 16 }, (_, i) => login(tuned, `burst-${i}@example.org`, 'wrong-password')),
    );
    const refused = burst.filter((response) => response.status === 503);
    // One running and two waiting at a time: most of a burst of 16 cannot be taken.
    expect(refused.length).toBeGreaterThan(0);
    expect(burst.filter((response) => response.status === 401).length).toBeGreaterThanOrEqual(3);
    expect(burst.every((response) => [401, 503].includes(response.status))).toBe(true);
    for (const response of refused) {
      expect(response.body).toMatchObject({ type: problemType('service-unavailable'), status: 503 });
      expect(response.headers['retry-after']).toBe('1');
    }
    // The slots come back once the burst is over.
    expect((await login(tuned, 'admin@c2c.local', 'change-me-locally')).status).toBe(200);
  });
});
