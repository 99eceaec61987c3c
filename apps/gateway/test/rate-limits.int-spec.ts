import { GatewayHarness, HttpResponse } from './support/gateway-harness';

// The gateway is told to trust X-Forwarded-For from loopback (TRUST_PROXY), which lets one test play
// many clients; by default it trusts no proxy (see identity-hardening.int-spec.ts).
const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('gateway: rate limits per IP and per user', () => {
  let gateway: GatewayHarness;

  beforeAll(async () => {
    gateway = await GatewayHarness.start({
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_PER_IP: '5',
      RATE_LIMIT_PER_USER: '3',
      RATE_LIMIT_LOGIN_PER_IP: '2',
      RATE_LIMIT_WINDOW_MS: '60000',
    });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  function expectRateLimited(response: HttpResponse, scope: string): void {
    expect(response.status).toBe(429);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.body).toMatchObject({ type: 'https://c2c.asianmayorsforum.org/problems/rate-limited' });
    expect(String(response.body.detail)).toContain(`this ${scope}`);
  }

  it('limits each IP address, and only that one', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await gateway.call('GET', '/api/v1/me', { headers: from('198.51.100.1') })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expectRateLimited(await gateway.call('GET', '/api/v1/me', { headers: from('198.51.100.1') }), 'address');
    expect((await gateway.call('GET', '/api/v1/me', { headers: from('198.51.100.2') })).status).toBe(401);
  });

  it('limits logins per IP more tightly', async () => {
    const login = () =>
      gateway.call('POST', '/api/v1/auth/token', {
        body: { email: 'nobody@example.org', password: 'wrong-password' },
        headers: from('198.51.100.10'),
      });
    expect((await login()).status).toBe(401);
    expect((await login()).status).toBe(401);
    expectRateLimited(await login(), 'address');
  });

  it('limits each user wherever the requests come from', async () => {
    const token = await gateway.login('admin@c2c.local', 'change-me-locally', from('198.51.100.20'));
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await gateway.call('GET', '/api/v1/me', { token, headers: from(`198.51.100.${30 + i}`) })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200]);
    expectRateLimited(
      await gateway.call('GET', '/api/v1/me', { token, headers: from('198.51.100.40') }),
      'user',
    );
  });

  it('never limits health probes', async () => {
    for (let i = 0; i < 8; i++) {
      expect((await gateway.call('GET', '/health/live', { headers: from('198.51.100.50') })).status).toBe(
        200,
      );
    }
  });
});
