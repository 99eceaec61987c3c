import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ensureTopics, topicName } from '@c2c/messaging';
import { provisionServiceDatabase, serviceDatabaseUrl } from '@c2c/persistence';
import { createServiceApp } from '@c2c/platform';
import {
  httpRequest,
  type HttpResponse,
  createTestDatabase,
  createTestKafka,
  createTestTopicPrefix,
  TopicRecorder,
  testKafkaBrokers,
  type TestDatabase,
} from '@c2c/testing';
import type { InjectOptions } from 'fastify';
import { setUpApiDocs } from '../../src/api-docs';
import { AppModule } from '../../src/app.module';
import { readCitiesConfig, type CitiesConfig } from '../../src/config';
import { citiesDatabase } from '../../src/database';
import { TestAuthority, type TestCaller } from '@c2c/auth/testing';

const SECRETARIAT: TestCaller = { roles: ['secretariat'] };

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Who calls, with a token the gateway would have issued; the secretariat unless said. */
  as?: TestCaller | 'anonymous';
}

/**
 * The cities service as it runs: its own database (provisioned like production, with pg_trgm), its
 * own topic namespace on the real broker, and an observer recording `c2c.cities.v1`.
 */
export class CitiesHarness {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: CitiesConfig,
    readonly recorder: TopicRecorder,
    private readonly database: TestDatabase,
    private readonly authority: TestAuthority,
  ) {}

  static async start(label: string): Promise<CitiesHarness> {
    const database = await createTestDatabase(label);
    const spec = citiesDatabase('cities-test', 'c2c_test_cities');
    await provisionServiceDatabase(database.adminUrl, spec);
    const prefix = createTestTopicPrefix();
    const kafka = createTestKafka(label);
    const admin = kafka.admin();
    await admin.connect();
    const topic = topicName(prefix, 'c2c.cities.v1');
    await ensureTopics(admin, [{ topic }]);
    await admin.disconnect();
    const recorder = await new TopicRecorder(kafka).start([topic]);
    const authority = await TestAuthority.start();
    const config = readCitiesConfig({
      DATABASE_URL: serviceDatabaseUrl(database.adminUrl, spec),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      AUTH_JWKS_URL: authority.jwksUrl,
      LOG_LEVEL: 'silent',
    });
    const app = await createServiceApp(AppModule.forRoot(config), { configure: setUpApiDocs });
    // Real HTTP: a socket on loopback, as the gateway reaches the service.
    await app.listen(0, '127.0.0.1');
    return new CitiesHarness(app, config, recorder, database, authority);
  }

  async call(method: InjectOptions['method'], url: string, options: CallOptions = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const as = options.as ?? SECRETARIAT;
    if (as !== 'anonymous') headers.authorization = `Bearer ${await this.authority.token(as)}`;
    const body = options.body === undefined ? {} : { payload: options.body as InjectOptions['payload'] };
    return httpRequest(await this.app.getUrl(), { method: method ?? 'GET', url, headers, ...body });
  }

  /** The recorded events of one type about one city, payloads parsed. */
  eventsOf(type: string, cityId: string): { headers: Record<string, string>; data: unknown }[] {
    return this.recorder
      .ofType(type)
      .filter((message) => message.key === cityId)
      .map((message) => ({ headers: message.headers, data: JSON.parse(message.value ?? 'null') as unknown }));
  }

  async stop(): Promise<void> {
    await this.recorder.stop();
    await this.app.close();
    await this.authority.close();
    await this.database.drop();
  }
}
