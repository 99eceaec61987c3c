import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createKafka, ensureTopics, topicName } from '@c2c/messaging';
import { provisionServiceDatabase, serviceDatabaseUrl } from '@c2c/persistence';
import { createServiceApp } from '@c2c/platform';
import {
  createTestDatabase,
  createTestTopicPrefix,
  eventually,
  TestDatabase,
  testKafkaBrokers,
  TopicRecorder,
} from '@c2c/testing';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { AppModule } from '../../src/app.module';
import { CityModel } from '../../src/city-model/city-model.service';
import { CityRecord } from '../../src/city-model/city-projection';
import { readPartnershipsConfig } from '../../src/config';
import { CityPublisher } from './city-publisher';
import { TestAuthority } from '@c2c/auth/testing';

const SERVICE = { schema: 'partnerships', role: 'c2c_test_partnerships', password: 'partnerships-test' };

/**
 * One test file's world: its own database (the partnerships schema and role, plus a cities schema
 * publishing city events), its own topic namespace on the real broker, a token authority, and the
 * partnerships apps it starts, all closed together.
 */
export class PartnershipsEnv {
  private readonly apps: NestFastifyApplication[] = [];
  private readonly recorders: TopicRecorder[] = [];

  private constructor(
    readonly database: TestDatabase,
    readonly topicPrefix: string,
    readonly kafka: Kafka,
    readonly auth: TestAuthority,
    readonly cities: CityPublisher,
  ) {}

  static async create(label: string): Promise<PartnershipsEnv> {
    const database = await createTestDatabase(label);
    await provisionServiceDatabase(database.adminUrl, SERVICE);
    const topicPrefix = createTestTopicPrefix();
    const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: `test-${label}` });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [
      { topic: topicName(topicPrefix, 'c2c.cities.v1') },
      { topic: topicName(topicPrefix, 'c2c.partnerships.v1') },
    ]);
    await admin.disconnect();
    const auth = await TestAuthority.start();
    const cities = await CityPublisher.start(database.adminUrl, kafka, topicPrefix);
    return new PartnershipsEnv(database, topicPrefix, kafka, auth, cities);
  }

  get partnershipsTopic(): string {
    return topicName(this.topicPrefix, 'c2c.partnerships.v1');
  }

  /** The app's configuration: the scheduler off (tests run passes with a fixed clock) unless overridden. */
  config(overrides: Record<string, string> = {}) {
    return readPartnershipsConfig({
      DATABASE_URL: serviceDatabaseUrl(this.database.adminUrl, SERVICE),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: this.topicPrefix,
      AUTH_JWKS_URL: this.auth.jwksUrl,
      DETECTION_INTERVAL_MS: '0',
      LOG_LEVEL: 'silent',
      ...overrides,
    });
  }

  async startApp(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
    const app = await createServiceApp(AppModule.forRoot(this.config(overrides)));
    // Real HTTP: a socket on loopback, as the gateway reaches the service.
    await app.listen(0, '127.0.0.1');
    this.apps.push(app);
    return app;
  }

  async stopApp(app: NestFastifyApplication): Promise<void> {
    this.apps.splice(this.apps.indexOf(app), 1);
    await app.close();
  }

  /** Reads `c2c.partnerships.v1` from its beginning, as an independent subscriber. */
  async recordPartnershipEvents(): Promise<TopicRecorder> {
    const recorder = await new TopicRecorder(this.kafka).start([this.partnershipsTopic]);
    this.recorders.push(recorder);
    return recorder;
  }

  /** Waits until the app's city model knows these cities (and, with `archived`, knows them archived). */
  async citiesKnown(
    app: NestFastifyApplication,
    ids: string[],
    archived = false,
  ): Promise<Map<string, CityRecord>> {
    return eventually(async () => {
      const known = await app.get(CityModel).lookup(ids);
      for (const id of ids) {
        expect(known.get(id)?.name).toBeTruthy();
        expect(known.get(id)?.archivedAt != null).toBe(archived);
      }
      return known;
    });
  }

  /** Administrative SQL, for looking behind the API (outbox, model tables). */
  async sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.database.adminUrl });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async close(): Promise<void> {
    for (const recorder of this.recorders) await recorder.stop().catch(() => undefined);
    for (const app of this.apps.reverse()) await app.close().catch(() => undefined);
    await this.cities.close().catch(() => undefined);
    await this.auth.close();
    await this.database.drop();
  }
}
