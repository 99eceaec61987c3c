import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { serviceAudience } from '@c2c/auth';
import { TestAuthority, type TestCaller } from '@c2c/auth/testing';
import { topicOf, type EventData, type EventEnvelopeOf, type EventType } from '@c2c/contracts';
import {
  createKafka,
  ensureTopics,
  messagingMigrations,
  Outbox,
  OutboxRelay,
  topicName,
} from '@c2c/messaging';
import {
  createServiceDataSource,
  provisionServiceDatabase,
  runMigrations,
  serviceDatabaseUrl,
  TransactionRunner,
  type ServiceDatabaseSpec,
} from '@c2c/persistence';
import { createServiceApp, type ServiceAppOptions, type ServiceConfig } from '@c2c/platform';
import {
  createTestDatabase,
  createTestTopicPrefix,
  httpRequest,
  testKafkaBrokers,
  TopicRecorder,
  type HttpResponse,
  type TestDatabase,
} from '@c2c/testing';
import type { Kafka } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/** How to build one service as its main.ts does: each app's `test/support` describes itself with this. */
export interface ServiceUnderTest<C extends ServiceConfig> {
  name: string;
  /** Its schema and a role of its own; tests name roles apart from a running platform's (roles are cluster-wide). */
  database: ServiceDatabaseSpec;
  readConfig: (env: Record<string, string | undefined>) => C;
  module: (config: C) => DynamicModule;
  appOptions?: (config: C) => ServiceAppOptions;
}

/** Who calls: a caller whose token the test authority signs as the gateway would, a raw token, or nobody. */
export type CallAs = TestCaller | { token: string } | 'anonymous';

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** The secretariat unless said. */
  as?: CallAs;
}

const SECRETARIAT: TestCaller = { roles: ['secretariat'] };

/** One service app of a world, listening on a loopback port as the gateway reaches it. */
export class RunningService<C extends ServiceConfig> {
  constructor(
    readonly app: NestFastifyApplication,
    readonly config: C,
    readonly url: string,
    private readonly authority: TestAuthority,
    /** The audience of the internal tokens the gateway forwards to this service. */
    readonly audience: string,
  ) {}

  /** An HTTP request over a real socket, with a token for this service's audience, as the gateway forwards. */
  async call(method: string, path: string, options: CallOptions = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const as = options.as ?? SECRETARIAT;
    if (as !== 'anonymous') {
      headers.authorization = `Bearer ${'token' in as ? as.token : await this.authority.token(as, this.audience)}`;
    }
    return httpRequest(this.url, {
      method,
      url: path,
      headers,
      ...(options.body === undefined ? {} : { payload: options.body }),
    });
  }

  /** A provider of the app (a use case, the city model), for looking behind the API. */
  get<T>(token: abstract new (...args: never[]) => T): T {
    return this.app.get(token as never);
  }
}

/**
 * Publishes events as another service would: that service's schema, its real outbox and relay, so a
 * topic carries exactly what the owner puts there (CloudEvents headers, keys, per-aggregate sequence).
 */
export class TestPublisher {
  private readonly transactions: TransactionRunner;

  constructor(
    private readonly outbox: Outbox,
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {
    this.transactions = new TransactionRunner(dataSource);
  }

  publish<T extends EventType>(
    type: T,
    aggregateId: string,
    data: EventData<T>,
  ): Promise<EventEnvelopeOf<T>> {
    return this.transactions.run((tx) => this.outbox.add(tx, type, data, { aggregateId }));
  }

  async close(): Promise<void> {
    await this.relay.stop();
    await this.dataSource.destroy();
  }
}

/**
 * One test file's world, the same for every service's integration tests: a database of its own,
 * provisioned as an operator would; a topic namespace of its own on the real broker; a token
 * authority standing in for the gateway; the apps it starts, the topics it records and the
 * publishers it opens, all closed together by {@link close}.
 */
export class ServiceWorld {
  private readonly closers: (() => Promise<void>)[] = [];

  private constructor(
    readonly label: string,
    readonly database: TestDatabase,
    readonly topicPrefix: string,
    readonly kafka: Kafka,
    readonly authority: TestAuthority,
  ) {}

  static async create(label: string): Promise<ServiceWorld> {
    const database = await createTestDatabase(label);
    const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: `test-${label}` });
    const authority = await TestAuthority.start();
    return new ServiceWorld(label, database, createTestTopicPrefix(), kafka, authority);
  }

  /** The Kafka name of a topic in this world's namespace. */
  topic(topic: string): string {
    return topicName(this.topicPrefix, topic);
  }

  /** Creates topics (by their logical names) before anyone subscribes. */
  async ensureTopics(...topics: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(
        admin,
        topics.map((topic) => ({ topic: this.topic(topic) })),
      );
    } finally {
      await admin.disconnect();
    }
  }

  /** The environment every service app reads here, before the test's own overrides. */
  environment(database: ServiceDatabaseSpec): Record<string, string> {
    return {
      NODE_ENV: 'test',
      DATABASE_URL: serviceDatabaseUrl(this.database.adminUrl, database),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: this.topicPrefix,
      AUTH_JWKS_URL: this.authority.jwksUrl,
      // The services poll the authority's revocation feed; a gateway in this world serves its own
      // under the same secret (see the gateway's test harness).
      AUTH_REVOCATION_SECRET: this.authority.revocationSecret,
      AUTH_REVOCATION_POLL_MS: '200',
      LOG_LEVEL: 'silent',
    };
  }

  /** Provisions the service's schema and role, builds the app as main.ts does and listens on loopback. */
  async start<C extends ServiceConfig>(
    service: ServiceUnderTest<C>,
    env: Record<string, string> = {},
  ): Promise<RunningService<C>> {
    await provisionServiceDatabase(this.database.adminUrl, service.database);
    const config = service.readConfig({ ...this.environment(service.database), ...env });
    const app = await createServiceApp(service.module(config), service.appOptions?.(config));
    await app.listen(0, '127.0.0.1');
    this.closers.push(() => app.close());
    return new RunningService(app, config, await app.getUrl(), this.authority, serviceAudience(service.name));
  }

  /** Stops an app before the world ends (a crash, a restart). */
  async stop(service: RunningService<ServiceConfig>): Promise<void> {
    await service.app.close();
  }

  /** Reads topics (logical names) from their beginning, as an independent subscriber. */
  async record(...topics: string[]): Promise<TopicRecorder> {
    await this.ensureTopics(...topics);
    const recorder = await new TopicRecorder(this.kafka).start(topics.map((topic) => this.topic(topic)));
    this.closers.push(() => recorder.stop());
    return recorder;
  }

  /** A publisher of another service's events, through that service's schema, outbox and relay. */
  async publisherFor(schema: string): Promise<TestPublisher> {
    const spec = { schema, role: `c2c_test_${schema}`, password: `${schema}-test` };
    await provisionServiceDatabase(this.database.adminUrl, spec);
    const url = serviceDatabaseUrl(this.database.adminUrl, spec);
    const dataSource = createServiceDataSource({
      url,
      schema,
      entities: [],
      migrations: messagingMigrations(schema),
      applicationName: `test-${schema}-publisher`,
    });
    await dataSource.initialize();
    await runMigrations(dataSource, schema);
    const relay = new OutboxRelay(dataSource, this.kafka, {
      schema,
      databaseUrl: url,
      topicPrefix: this.topicPrefix,
      pollIntervalMs: 200,
    });
    await relay.start();
    const publisher = new TestPublisher(new Outbox(schema), dataSource, relay);
    this.closers.push(() => publisher.close());
    return publisher;
  }

  /**
   * A token the test authority signs for this caller: for a service's audience
   * (`serviceAudience('cities')`) as the gateway forwards it, by default the public one a client holds.
   */
  token(caller: TestCaller, audience?: string): Promise<string> {
    return this.authority.token(caller, audience);
  }

  /** Administrative SQL on this world's database, for looking behind the API (outbox, model tables). */
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
    // Last opened, first closed: apps stop before the publishers and recorders they may depend on.
    for (const close of this.closers.reverse()) await close().catch(() => undefined);
    this.closers.length = 0;
    await this.authority.close();
    await this.database.drop();
  }
}

/** The topic an event type is published on, for `world.record(topicFor(...))`. */
export const topicFor = (type: EventType): string => topicOf(type);
