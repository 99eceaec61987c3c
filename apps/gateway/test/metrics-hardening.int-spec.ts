import { MetricsServer } from '@c2c/platform';
import { request } from 'undici';
import { GatewayHarness } from './support';

/** What the gateway's operators get when they give it a management port (`METRICS_PORT`). */
describe('the gateway with a management port', () => {
  let gateway: GatewayHarness;

  beforeAll(async () => {
    gateway = await GatewayHarness.start({ METRICS_PORT: '0' });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('does not answer /metrics on its public port, to anyone', async () => {
    const anonymous = await gateway.call('GET', '/metrics');
    expect(anonymous.status).toBe(404);
    expect(anonymous.text).not.toContain('process_cpu');
    const admin = await gateway.call('GET', '/metrics', { token: await gateway.adminToken() });
    expect(admin.status).toBe(404);
  });

  it('serves /metrics on the loopback management port', async () => {
    const url = gateway.app.get(MetricsServer).url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await request(`${url}/metrics`);
    expect(response.statusCode).toBe(200);
    expect(await response.body.text()).toContain('process_cpu_user_seconds_total');
  });

  it('answers /health/ready with which dependency is up, and no connection details', async () => {
    const ready = await gateway.call('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.text).not.toMatch(/127\.0\.0\.1|:\d{4,5}/);
  });
});

describe('the gateway without a management port', () => {
  let gateway: GatewayHarness;

  beforeAll(async () => {
    gateway = await GatewayHarness.start();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('still answers no one /metrics on its public port', async () => {
    expect((await gateway.call('GET', '/metrics')).status).toBe(404);
    const admin = await gateway.call('GET', '/metrics', { token: await gateway.adminToken() });
    expect(admin.status).toBe(404);
  });
});
