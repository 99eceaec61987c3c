import { randomUUID } from 'node:crypto';
import { Body, Controller, Injectable, Module, Post } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventEnvelopeOf } from '@c2c/contracts';
import {
  PersistenceModule,
  TransactionRunner,
  Tx,
  provisionServiceDatabase,
  serviceDatabaseUrl,
} from '@c2c/persistence';
import { createServiceApp, HealthModule, LoggingModule } from '@c2c/platform';
import {
  createTestDatabase,
  createTestTopicPrefix,
  eventually,
  TestDatabase,
  testKafkaBrokers,
  TopicRecorder,
  createTestKafka,
} from '@c2c/testing';
import { ensureTopics, HandlesEvent, messagingMigrations, MessagingModule, Outbox, topicName } from '../src';

const SCHEMA = 'nestmsg';
const handled: EventEnvelopeOf<'c2c.city.archived.v1'>[] = [];
/** Cities whose archival the handler refuses once, as a flaky dependency would: it is retried. */
const failsOnce = new Set<string>();

@Controller('archive')
class ArchiveController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: Outbox,
  ) {}

  @Post()
  async archive(@Body() body: { cityId: string }): Promise<{ eventId: string }> {
    const envelope = await this.transactions.run((tx) =>
      this.outbox.add(
        tx,
        'c2c.city.archived.v1',
        { cityId: body.cityId, name: 'Tehran', countryCode: 'IR', archivedAt: new Date().toISOString() },
        { aggregateId: body.cityId },
      ),
    );
    return { eventId: envelope.id };
  }
}

@Injectable()
class ArchiveHandlers {
  @HandlesEvent('c2c.city.archived.v1')
  async onArchived(event: EventEnvelopeOf<'c2c.city.archived.v1'>, tx: Tx): Promise<void> {
    await tx.query('select 1');
    if (failsOnce.delete(event.data.cityId)) throw new Error('a dependency hiccuped');
    handled.push(event);
  }
}

describe('MessagingModule in a Nest app', () => {
  let database: TestDatabase;
  let app: NestFastifyApplication;
  let recorder: TopicRecorder;
  const prefix = createTestTopicPrefix();

  beforeAll(async () => {
    database = await createTestDatabase('nestmsg');
    const spec = { schema: SCHEMA, role: 'c2c_test_nestmsg', password: 'nestmsg' };
    await provisionServiceDatabase(database.adminUrl, spec);
    const url = serviceDatabaseUrl(database.adminUrl, spec);
    @Module({
      imports: [
        LoggingModule.forRoot('nestmsg', 'silent'),
        HealthModule,
        PersistenceModule.forRoot({
          url,
          schema: SCHEMA,
          entities: [],
          migrations: messagingMigrations(SCHEMA),
          applicationName: 'nestmsg',
        }),
        MessagingModule.forRoot({
          service: 'cities',
          schema: SCHEMA,
          databaseUrl: url,
          brokers: testKafkaBrokers(),
          topicPrefix: prefix,
        }),
      ],
      controllers: [ArchiveController],
      providers: [ArchiveHandlers],
    })
    class TestAppModule {}
    app = await createServiceApp({ module: TestAppModule });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const kafka = createTestKafka();
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [{ topic: topicName(prefix, 'c2c.cities.v1') }]);
    await admin.disconnect();
    recorder = await new TopicRecorder(kafka).start([topicName(prefix, 'c2c.cities.v1')]);
  });

  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
    await database?.drop();
  });

  it('carries the HTTP request context into the event, publishes it, and hands it to the @HandlesEvent method', async () => {
    const cityId = randomUUID();
    const traceparent = '00-11111111111111111111111111111111-2222222222222222-01';
    const response = await app.inject({
      method: 'POST',
      url: '/archive',
      headers: { 'x-correlation-id': 'corr-http-1', 'x-request-id': 'req-http-1', traceparent },
      payload: { cityId },
    });
    expect(response.statusCode).toBe(201);
    const { eventId } = response.json<{ eventId: string }>();

    const [message] = await eventually(() => {
      const found = recorder.messages.filter((m) => m.headers.ce_id === eventId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(message!.headers).toMatchObject({ ce_correlationid: 'corr-http-1', ce_causationid: 'req-http-1' });
    expect(message!.headers.ce_traceparent).toMatch(/^00-11111111111111111111111111111111-[0-9a-f]{16}-01$/);

    const event = await eventually(() => {
      const found = handled.find((e) => e.id === eventId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.data.cityId).toBe(cityId);
    expect(event.correlationid).toBe('corr-http-1');
  });

  it('exposes the outbox backlog, publications, publish latency, retries and consumption on /metrics', async () => {
    const flaky = randomUUID();
    failsOnce.add(flaky);
    const archived = await app.inject({ method: 'POST', url: '/archive', payload: { cityId: flaky } });
    expect(archived.statusCode).toBe(201);
    await eventually(() => expect(handled.map((e) => e.data.cityId)).toContain(flaky), { timeout: 30_000 });
    await eventually(async () => {
      const response = await app.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/plain');
      expect(response.body).toMatch(/^c2c_outbox_backlog_events 0$/m);
      expect(response.body).toMatch(/^c2c_outbox_oldest_unsent_age_seconds 0$/m);
      expect(response.body).toMatch(/^c2c_outbox_published_events_total [1-9]\d*$/m);
      // One observation per published event, from its outbox insert to the broker's acknowledgement.
      expect(response.body).toMatch(/^c2c_relay_publish_latency_seconds_count [1-9]\d*$/m);
      expect(response.body).toMatch(/^c2c_relay_publish_latency_seconds_bucket\{le="60"\} [1-9]\d*$/m);
      // The flaky city's first try failed and was retried (then applied).
      expect(response.body).toMatch(/^c2c_event_retries_total\{type="c2c.city.archived.v1"\} [1-9]\d*$/m);
      expect(response.body).toMatch(
        /^c2c_consumed_events_total\{type="c2c.city.archived.v1",outcome="applied"\} [1-9]/m,
      );
      expect(response.body).toContain('process_resident_memory_bytes');
      // Request duration by route template and status class, from the POST of the test above.
      expect(response.body).toMatch(
        /^http_request_duration_seconds_count\{method="POST",route="\/archive",status_class="2xx"\} [1-9]/m,
      );
      expect(response.body).toMatch(/^http_request_duration_seconds_bucket\{le="0.005",method="POST"/m);
      // The group caught up: the broker's figures say nothing is left on any partition it reads.
      const lags = [
        ...response.body.matchAll(
          /^c2c_consumer_lag\{group="([^"]+)",topic="([^"]+)",partition="\d+"\} (\d+)$/gm,
        ),
      ];
      expect(lags.length).toBeGreaterThan(0);
      for (const [, group, topic, lag] of lags) {
        expect([group, topic, lag]).toEqual([`${prefix}cities`, topicName(prefix, 'c2c.cities.v1'), '0']);
      }
      expect(response.body).toMatch(/^c2c_db_pool_connections\{state="used"\} \d+$/m);
      expect(response.body).toMatch(/^c2c_db_pool_connections\{state="idle"\} \d+$/m);
      expect(response.body).toMatch(/^c2c_db_pool_pending_requests 0$/m);
    });
  });

  it('is ready with both PostgreSQL and Kafka', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
  });
});
