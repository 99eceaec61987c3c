import { Writable } from 'node:stream';
import { Global, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { eventually, httpRequest } from '@c2c/testing';
import {
  createServiceApp,
  HealthModule,
  LoggingModule,
  MetricsServer,
  ReadinessChecks,
  ServiceConfig,
  type ServiceAppOptions,
} from '../src';

let written = '';
const destination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    written += chunk.toString('utf8');
    done();
  },
});

/** A dependency that is down the way PostgreSQL is when its host refuses: the error names host and port. */
@Injectable()
class UnreachableDatabase implements OnModuleInit {
  calls = 0;

  constructor(private readonly readiness: ReadinessChecks) {}

  onModuleInit(): void {
    this.readiness.register('postgres', () => {
      this.calls += 1;
      return Promise.reject(new Error('connect ECONNREFUSED 10.9.8.7:5432'));
    });
    this.readiness.register('kafka', () => Promise.resolve());
  }
}

function moduleWith(config?: ServiceConfig) {
  @Global()
  @Module({
    providers: config ? [{ provide: ServiceConfig, useValue: config }] : [],
    exports: config ? [ServiceConfig] : [],
  })
  class ConfigModule {}

  @Module({
    imports: [ConfigModule, LoggingModule.forRoot('test', 'info', destination), HealthModule],
    providers: [UnreachableDatabase],
  })
  class TestModule {}
  return { module: TestModule };
}

async function start(config?: ServiceConfig, options?: ServiceAppOptions) {
  const app = await createServiceApp(moduleWith(config), options);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

describe('health and metrics endpoints', () => {
  const apps: NestFastifyApplication[] = [];

  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  describe('/health/ready', () => {
    let app: NestFastifyApplication;
    let url: string;

    beforeAll(async () => {
      ({ app, url } = await start());
      apps.push(app);
    });

    it('names the dependency that is down, not its connection error; the log has the reason', async () => {
      const response = await httpRequest(url, { method: 'GET', url: '/health/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        status: 'error',
        info: { kafka: { status: 'up' } },
        error: { postgres: { status: 'down' } },
        details: { postgres: { status: 'down' }, kafka: { status: 'up' } },
      });
      expect(response.body).not.toMatch(/10\.9\.8\.7|5432|ECONNREFUSED/);
      await eventually(() => expect(written).toContain('connect ECONNREFUSED 10.9.8.7:5432'));
    });

    it('answers a flood of probes from one check per second, not one query per probe', async () => {
      const database = app.get(UnreachableDatabase);
      const before = database.calls;
      const answers = await Promise.all(
        Array.from({ length: 100 }, () => httpRequest(url, { method: 'GET', url: '/health/ready' })),
      );
      expect(answers.every((answer) => answer.statusCode === 503)).toBe(true);
      // One check for the flood, two if it straddled the end of a cached answer.
      expect(database.calls - before).toBeLessThanOrEqual(2);
      // And readiness still follows the dependency: a later probe checks again.
      const after = database.calls;
      await eventually(async () => {
        await httpRequest(url, { method: 'GET', url: '/health/ready' });
        expect(database.calls).toBeGreaterThan(after);
      });
    });
  });

  describe('/metrics', () => {
    it('is served on the main port of an internal service by default', async () => {
      const { app, url } = await start();
      apps.push(app);
      const response = await httpRequest(url, { method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('process_cpu_user_seconds_total');
    });

    it('is not served on the main port of an app built with metricsOnMainPort: false', async () => {
      const { app, url } = await start(undefined, { metricsOnMainPort: false });
      apps.push(app);
      const response = await httpRequest(url, { method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect((await httpRequest(url, { method: 'GET', url: '/metrics?x=1' })).statusCode).toBe(404);
    });

    it('moves to a loopback management port when METRICS_PORT is set', async () => {
      const config = Object.assign(new ServiceConfig(), { METRICS_PORT: 0 });
      const { app, url } = await start(config);
      apps.push(app);
      expect((await httpRequest(url, { method: 'GET', url: '/metrics' })).statusCode).toBe(404);
      const management = app.get(MetricsServer).url;
      expect(management).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const scraped = await httpRequest(management!, { method: 'GET', url: '/metrics' });
      expect(scraped.statusCode).toBe(200);
      expect(scraped.body).toContain('process_cpu_user_seconds_total');
      expect((await httpRequest(management!, { method: 'GET', url: '/health/ready' })).statusCode).toBe(404);
    });
  });
});
