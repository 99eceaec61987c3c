import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp } from '@c2c/platform';
import { serviceDatabaseUrl, provisionServiceDatabase } from '@c2c/persistence';
import { DisposablePostgres, createTestTopicPrefix, eventually, testKafkaBrokers } from '@c2c/testing';
import { AppModule } from '../src/app.module';
import { readCitiesConfig } from '../src/config';
import { citiesDatabase } from '../src/database';

const cities = citiesDatabase('cities-test', 'c2c_test_cities');

async function readiness(app: NestFastifyApplication) {
  const response = await app.inject({ method: 'GET', url: '/health/ready' });
  return {
    status: response.statusCode,
    body: response.json<{ details: Record<string, { status: string }> }>(),
  };
}

describe('cities: health and readiness', () => {
  let postgres: DisposablePostgres;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    // A cluster of its own: this test stops it, and other files must not notice.
    postgres = await DisposablePostgres.start();
    await provisionServiceDatabase(postgres.adminUrl, cities);
    const config = readCitiesConfig({
      DATABASE_URL: serviceDatabaseUrl(postgres.adminUrl, cities),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: createTestTopicPrefix(),
      LOG_LEVEL: 'silent',
    });
    app = await createServiceApp(AppModule.forRoot(config));
    await app.init();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    postgres?.destroy();
  });

  it('is live, and ready when PostgreSQL and Kafka answer', async () => {
    const live = await app.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);
    const ready = await readiness(app);
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
      const ready = await readiness(app);
      expect(ready.status).toBe(503);
      expect(ready.body.details.postgres?.status).toBe('down');
      expect(ready.body.details.kafka?.status).toBe('up');
    });
    const live = await app.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);

    postgres.restart();
    await eventually(async () => expect((await readiness(app)).status).toBe(200), { timeout: 30_000 });
  }, 90_000);

  it('is unready when the broker does not answer', async () => {
    const config = readCitiesConfig({
      DATABASE_URL: serviceDatabaseUrl(postgres.adminUrl, cities),
      KAFKA_BROKERS: '127.0.0.1:1',
      LOG_LEVEL: 'silent',
    });
    const orphan = await createServiceApp(AppModule.forRoot(config));
    await orphan.init();
    try {
      const ready = await readiness(orphan);
      expect(ready.status).toBe(503);
      expect(ready.body.details.kafka?.status).toBe('down');
      expect(ready.body.details.postgres?.status).toBe('up');
    } finally {
      await orphan.close();
    }
  });
});
