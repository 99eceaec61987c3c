import { provisionServiceDatabase } from '@c2c/persistence';
import { ServiceWorld } from '@c2c/service/testing';
import { eventually, freePort, startEntryPoint } from '@c2c/testing';
import { CITIES } from './support/cities';

const startCities = (env: Record<string, string>) => startEntryPoint('apps/cities/src/main.ts', env);

// The one place the service is not started in-process by `world.start`: this test is about the process
// itself (exit codes, signals), so the world only lends its database, broker namespace and token keys.
describe('cities process', () => {
  let world: ServiceWorld;

  beforeAll(async () => {
    world = await ServiceWorld.create('cities_process');
    await provisionServiceDatabase(world.database.adminUrl, CITIES.database);
  });

  afterAll(() => world?.close());

  it('refuses to start with a bad environment, naming each variable, and exits non-zero', async () => {
    const app = startCities({ PORT: 'eighty', KAFKA_BROKERS: 'not a broker list' });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('Invalid configuration');
    expect(app.output()).toContain('DATABASE_URL');
    expect(app.output()).toContain('PORT');
    expect(app.output()).toContain('KAFKA_BROKERS');
    expect(app.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
  }, 60_000);

  it('starts, becomes ready without publishing its API document, and stops cleanly on SIGTERM', async () => {
    // A port the system just handed out: a made-up one in the ephemeral range could belong to another
    // test's server, whose readiness would then be mistaken for this process's.
    const port = String(await freePort());
    const app = startCities({ ...world.environment(CITIES.database), PORT: port, LOG_LEVEL: 'warn' });
    try {
      await eventually(
        async () => {
          expect(app.child.exitCode).toBeNull();
          const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
          expect(response.status).toBe(200);
        },
        { timeout: 45_000, interval: 250 },
      );
      // The internal API document is committed and composed by the gateway, not served by the service.
      for (const route of ['/docs-json', '/docs', '/docs/json'])
        expect((await fetch(`http://127.0.0.1:${port}${route}`)).status).toBe(404);
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    } finally {
      if (app.child.exitCode === null) app.child.kill('SIGKILL');
    }
  }, 90_000);
});
