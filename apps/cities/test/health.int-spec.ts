import { serviceDatabaseUrl, provisionServiceDatabase } from '@c2c/persistence';
import { ServiceWorld, type RunningService } from '@c2c/service/testing';
import { DisposablePostgres, eventually } from '@c2c/testing';
import type { CitiesConfig } from '../src/config';
import { CITIES } from './support/cities';

async function readiness(service: RunningService<CitiesConfig>) {
  const response = await service.call('GET', '/health/ready', { as: 'anonymous' });
  return {
    status: response.statusCode,
    body: response.json<{ details: Record<string, { status: string }> }>(),
  };
}

describe('cities: health and readiness', () => {
  let world: ServiceWorld;
  let postgres: DisposablePostgres;
  let databaseUrl: string;
  let cities: RunningService<CitiesConfig>;

  beforeAll(async () => {
    world = await ServiceWorld.create('cities_health');
    // A cluster of its own, which this test stops: the world's shared one must stay up for other files.
    postgres = await DisposablePostgres.start();
    await provisionServiceDatabase(postgres.adminUrl, CITIES.database);
    databaseUrl = serviceDatabaseUrl(postgres.adminUrl, CITIES.database);
    cities = await world.start(CITIES, { DATABASE_URL: databaseUrl });
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    postgres?.destroy();
  });

  it('is live, and ready when PostgreSQL and Kafka answer', async () => {
    const live = await cities.call('GET', '/health/live', { as: 'anonymous' });
    expect(live.statusCode).toBe(200);
    const ready = await readiness(cities);
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({ postgres: { status: 'up' }, kafka: { status: 'up' } });
  });

  it('ran its migrations at start', async () => {
    const { DataSource } = await import('typeorm');
    const probe = new DataSource({ type: 'postgres', url: postgres.adminUrl });
    await probe.initialize();
    const tables = await probe.query<{ table_name: string }[]>(
      "select table_name from information_schema.tables where table_schema = 'cities' order by 1",
    );
    await probe.destroy();
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['cities', 'inbox', 'migrations', 'outbox']),
    );
  });

  it('turns unready when PostgreSQL stops, and ready again when it is back', async () => {
    postgres.stop();
    await eventually(async () => {
      const ready = await readiness(cities);
      expect(ready.status).toBe(503);
      expect(ready.body.details.postgres?.status).toBe('down');
      expect(ready.body.details.kafka?.status).toBe('up');
    });
    const live = await cities.call('GET', '/health/live', { as: 'anonymous' });
    expect(live.statusCode).toBe(200);

    postgres.restart();
    await eventually(async () => expect((await readiness(cities)).status).toBe(200), { timeout: 30_000 });
  }, 90_000);

  it('is unready when the broker does not answer', async () => {
    const orphan = await world.start(CITIES, { DATABASE_URL: databaseUrl, KAFKA_BROKERS: '127.0.0.1:1' });
    try {
      const ready = await readiness(orphan);
      expect(ready.status).toBe(503);
      expect(ready.body.details.kafka?.status).toBe('down');
      expect(ready.body.details.postgres?.status).toBe('up');
    } finally {
      await world.stop(orphan);
    }
  });
});
