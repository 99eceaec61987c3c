import { randomUUID } from 'node:crypto';
import { EventData } from '@c2c/contracts';
import {
  createServiceDataSource,
  provisionServiceDatabase,
  runMigrations,
  serviceDatabaseUrl,
  TransactionRunner,
} from '@c2c/persistence';
import {
  createTestDatabase,
  createTestTopicPrefix,
  eventDataFor,
  TestDatabase,
  testKafkaBrokers,
} from '@c2c/testing';
import { Kafka } from 'kafkajs';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import {
  createKafka,
  ensureTopics,
  EventConsumer,
  EventConsumerOptions,
  messagingMigrations,
  Outbox,
  OutboxRelay,
  RelayOptions,
  topicName,
} from '../../src';

export const SCHEMA = 'msg';

/** What a test handler did: one row per application, so a double application shows as two rows. */
class CreateEffects1764288000100 implements MigrationInterface {
  readonly name = 'CreateEffects1764288000100';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table ${SCHEMA}.effects (
      id bigint generated always as identity primary key,
      event_id uuid not null, aggregate_id text not null, sequence int not null, correlation_id text)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`drop table ${SCHEMA}.effects`);
  }
}

export const cityArchived = (cityId: string = randomUUID()): EventData<'c2c.city.archived.v1'> =>
  eventDataFor('c2c.city.archived.v1', {
    cityId,
    name: 'Tehran',
    countryCode: 'IR',
    archivedAt: new Date().toISOString(),
  });

/** A service-shaped setup on the real broker and database: its own database, schema, role and topics. */
export class MessagingHarness {
  readonly outbox = new Outbox(SCHEMA);
  readonly transactions: TransactionRunner;
  readonly citiesTopic: string;
  private readonly started: { stop(): Promise<void> }[] = [];

  private constructor(
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
    readonly databaseUrl: string,
    readonly kafka: Kafka,
    readonly topicPrefix: string,
  ) {
    this.transactions = new TransactionRunner(dataSource);
    this.citiesTopic = topicName(topicPrefix, 'c2c.cities.v1');
  }

  static async create(label: string): Promise<MessagingHarness> {
    const database = await createTestDatabase(label);
    const spec = { schema: SCHEMA, role: 'c2c_test_msg', password: 'msg' };
    await provisionServiceDatabase(database.adminUrl, spec);
    const url = serviceDatabaseUrl(database.adminUrl, spec);
    const dataSource = createServiceDataSource({
      url,
      schema: SCHEMA,
      entities: [],
      migrations: [...messagingMigrations(SCHEMA), CreateEffects1764288000100],
      applicationName: label,
      poolSize: 20,
    });
    await dataSource.initialize();
    await runMigrations(dataSource, SCHEMA);
    const prefix = createTestTopicPrefix();
    const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: label });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [{ topic: topicName(prefix, 'c2c.cities.v1'), numPartitions: 3 }]);
    await admin.disconnect();
    return new MessagingHarness(database, dataSource, url, kafka, prefix);
  }

  relay(options: Partial<RelayOptions> = {}): OutboxRelay {
    const relay = new OutboxRelay(this.dataSource, this.kafka, {
      schema: SCHEMA,
      databaseUrl: this.databaseUrl,
      topicPrefix: this.topicPrefix,
      pollIntervalMs: 200,
      ...options,
    });
    this.started.push(relay);
    return relay;
  }

  consumer(options: Partial<EventConsumerOptions> = {}): EventConsumer {
    const consumer = new EventConsumer(this.kafka, this.transactions, {
      groupId: `group-${randomUUID().slice(0, 8)}`,
      schema: SCHEMA,
      topicPrefix: this.topicPrefix,
      retry: { attempts: 3, initialDelayMs: 20, maxDelayMs: 100 },
      ...options,
    });
    this.started.push(consumer);
    return consumer;
  }

  /** The handler the tests use: records each application of an event. */
  recordEffect = async (
    event: { id: string; subject: string; sequence: number; correlationid?: string },
    tx: { query(sql: string, params: unknown[]): Promise<unknown> },
  ): Promise<void> => {
    await tx.query(
      `insert into ${SCHEMA}.effects (event_id, aggregate_id, sequence, correlation_id) values ($1, $2, $3, $4)`,
      [event.id, event.subject, event.sequence, event.correlationid ?? null],
    );
  };

  async effects(): Promise<
    { event_id: string; aggregate_id: string; sequence: number; correlation_id: string | null }[]
  > {
    return this.dataSource.query(
      `select event_id, aggregate_id, sequence, correlation_id from ${SCHEMA}.effects order by id`,
    );
  }

  async unpublished(): Promise<number> {
    const [row] = (await this.dataSource.query(`select count(*)::int as n from ${SCHEMA}.outbox`)) as {
      n: number;
    }[];
    return row?.n ?? 0;
  }

  async close(): Promise<void> {
    for (const component of this.started.reverse()) await component.stop().catch(() => undefined);
    await this.dataSource.destroy();
    await this.database.drop();
  }
}
