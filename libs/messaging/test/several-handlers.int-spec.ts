import { randomUUID } from 'node:crypto';
import { Injectable, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CE_HEADERS, EventEnvelopeOf } from '@c2c/contracts';
import {
  PersistenceModule,
  provisionServiceDatabase,
  serviceDatabaseUrl,
  TransactionRunner,
  Tx,
} from '@c2c/persistence';
import { createServiceApp, HealthModule, LoggingModule } from '@c2c/platform';
import {
  createTestDatabase,
  createTestKafka,
  createTestTopicPrefix,
  eventually,
  TestDatabase,
  testKafkaBrokers,
  TopicRecorder,
} from '@c2c/testing';
import { Producer } from 'kafkajs';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import {
  DLQ_HEADERS,
  ensureTopics,
  EventConsumer,
  HandlesEvent,
  messagingMigrations,
  MessagingModule,
  Outbox,
  topicName,
} from '../src';
import { cityArchived } from './support/messaging-harness';

const SCHEMA = 'multihandler';
const FAILS_IN_SECOND = 'the second handler fails';
type Archived = EventEnvelopeOf<'c2c.city.archived.v1'>;

/** One row per handler application, so a double application or a half-applied event shows. */
class CreateHandlerEffects1764288000200 implements MigrationInterface {
  readonly name = 'CreateHandlerEffects1764288000200';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table ${SCHEMA}.handler_effects (
      id bigint generated always as identity primary key, event_id uuid not null, handler text not null)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`drop table ${SCHEMA}.handler_effects`);
  }
}

const calls: { handler: string; eventId: string }[] = [];

const record = async (tx: Tx, handler: string, event: Archived): Promise<void> => {
  calls.push({ handler, eventId: event.id });
  await tx.query(`insert into ${SCHEMA}.handler_effects (event_id, handler) values ($1, $2)`, [
    event.id,
    handler,
  ]);
};

@Injectable()
class CityReadModelHandlers {
  @HandlesEvent('c2c.city.archived.v1')
  async onCityArchived(event: Archived, tx: Tx): Promise<void> {
    await record(tx, 'read-model', event);
  }
}

@Injectable()
class SuspensionHandlers {
  @HandlesEvent('c2c.city.archived.v1')
  async onCityArchived(event: Archived, tx: Tx): Promise<void> {
    await record(tx, 'suspension', event);
    if (event.data.reason === FAILS_IN_SECOND) throw new Error('suspension failed');
  }
}

describe('several @HandlesEvent handlers of one type in one consumer group', () => {
  let database: TestDatabase;
  let app: NestFastifyApplication;
  let producer: Producer;
  let recorder: TopicRecorder;
  const prefix = createTestTopicPrefix();
  const citiesTopic = topicName(prefix, 'c2c.cities.v1');

  beforeAll(async () => {
    database = await createTestDatabase('multihandler');
    const spec = { schema: SCHEMA, role: 'c2c_test_multihandler', password: 'multihandler' };
    await provisionServiceDatabase(database.adminUrl, spec);
    const url = serviceDatabaseUrl(database.adminUrl, spec);
    @Module({
      imports: [
        LoggingModule.forRoot('multihandler', 'silent'),
        HealthModule,
        PersistenceModule.forRoot({
          url,
          schema: SCHEMA,
          entities: [],
          migrations: [...messagingMigrations(SCHEMA), CreateHandlerEffects1764288000200],
          applicationName: 'multihandler',
        }),
        MessagingModule.forRoot({
          service: 'cities',
          schema: SCHEMA,
          databaseUrl: url,
          brokers: testKafkaBrokers(),
          topicPrefix: prefix,
          retry: { attempts: 2, initialDelayMs: 10, maxDelayMs: 20 },
        }),
      ],
      providers: [CityReadModelHandlers, SuspensionHandlers],
    })
    class TestAppModule {}
    app = await createServiceApp({ module: TestAppModule });
    await app.init();
    const deadLetterTopic = app.get(EventConsumer).deadLetterTopic;
    const kafka = createTestKafka();
    const admin = kafka.admin();
    await admin.connect();
    // The consumer makes these too, in the background; the recorder must not subscribe before they exist.
    await ensureTopics(admin, [{ topic: citiesTopic }, { topic: deadLetterTopic }]);
    await admin.disconnect();
    producer = kafka.producer();
    await producer.connect();
    recorder = await new TopicRecorder(kafka).start([citiesTopic, deadLetterTopic]);
  });

  afterAll(async () => {
    await recorder?.stop();
    await producer?.disconnect();
    await app?.close();
    await database?.drop();
  });

  const publish = (cityId: string, reason?: string): Promise<Archived> =>
    app
      .get(TransactionRunner)
      .run((tx) =>
        app
          .get(Outbox)
          .add(
            tx,
            'c2c.city.archived.v1',
            { ...cityArchived(cityId), ...(reason === undefined ? {} : { reason }) },
            { aggregateId: cityId },
          ),
      );

  const effectsOf = async (eventId: string): Promise<string[]> =>
    (
      (await app
        .get(DataSource)
        .query(`select handler from ${SCHEMA}.handler_effects where event_id = $1 order by id`, [
          eventId,
        ])) as { handler: string }[]
    ).map((row) => row.handler);

  const inboxed = async (eventId: string): Promise<number> => {
    const [row] = (await app
      .get(DataSource)
      .query(`select count(*)::int as n from ${SCHEMA}.inbox where event_id = $1`, [eventId])) as {
      n: number;
    }[];
    return row?.n ?? 0;
  };

  it('applies both handlers, in registration order, exactly once even when the event is delivered twice', async () => {
    const cityId = randomUUID();
    const event = await publish(cityId);
    await eventually(async () => expect(await effectsOf(event.id)).toEqual(['read-model', 'suspension']));

    // Deliver the very same record again, then a later event on the same key (so the same partition):
    // once the later one is applied, the duplicate has been seen and must have been skipped.
    const sent = await eventually(() => {
      const found = recorder.messages.find((m) => m.headers[CE_HEADERS.id] === event.id);
      expect(found).toBeDefined();
      return found!;
    });
    await producer.send({
      topic: citiesTopic,
      messages: [{ key: sent.key, value: sent.value, headers: sent.headers }],
    });
    const later = await publish(cityId);
    await eventually(async () => expect(await effectsOf(later.id)).toEqual(['read-model', 'suspension']));

    expect(await effectsOf(event.id)).toEqual(['read-model', 'suspension']);
    expect(await inboxed(event.id)).toBe(1);
  });

  it('rolls back the first handler when the second throws, and dead-letters the event after its retries', async () => {
    const cityId = randomUUID();
    const failing = await publish(cityId, FAILS_IN_SECOND);
    const healthy = await publish(cityId);

    const letter = await eventually(() => {
      const found = recorder.messages.find(
        (m) => m.headers[CE_HEADERS.id] === failing.id && m.headers[DLQ_HEADERS.reason] !== undefined,
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(letter.headers).toMatchObject({
      [DLQ_HEADERS.reason]: 'handler-failed',
      [DLQ_HEADERS.attempts]: '2',
    });
    expect(letter.headers[DLQ_HEADERS.error]).toContain('suspension failed');
    // Every try ran the first handler before the second; none of its writes survived.
    expect(calls.filter((c) => c.eventId === failing.id).map((c) => c.handler)).toEqual([
      'read-model',
      'suspension',
      'read-model',
      'suspension',
    ]);
    expect(await effectsOf(failing.id)).toEqual([]);
    expect(await inboxed(failing.id)).toBe(0);
    // The partition moved on: the event behind it was applied by both.
    await eventually(async () => expect(await effectsOf(healthy.id)).toEqual(['read-model', 'suspension']));
  });
});
