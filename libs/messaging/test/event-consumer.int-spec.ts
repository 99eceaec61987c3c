import { randomUUID } from 'node:crypto';
import { CE_HEADERS, EventEnvelopeOf } from '@c2c/contracts';
import { eventually, TopicRecorder } from '@c2c/testing';
import { KafkaJSNonRetriableError, Producer } from 'kafkajs';
import { DeadLetters, DLQ_HEADERS, MessageContexts } from '../src';
import { cityArchived, MessagingHarness, SCHEMA } from './support/messaging-harness';

type Archived = EventEnvelopeOf<'c2c.city.archived.v1'>;

describe('idempotent consumer on the real broker and database', () => {
  let harness: MessagingHarness;
  let producer: Producer;

  beforeAll(async () => {
    harness = await MessagingHarness.create('consumer');
    await harness.relay().start();
    producer = harness.kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await harness?.close();
  });

  const publish = (cityId: string) =>
    harness.transactions.run((tx) =>
      harness.outbox.add(tx, 'c2c.city.archived.v1', cityArchived(cityId), { aggregateId: cityId }),
    );

  const effectsOf = async (eventId: string): Promise<unknown[]> =>
    (await harness.effects()).filter((e) => e.event_id === eventId);

  it('applies an event once when the consumer dies after its database commit but before its offset commit', async () => {
    const groupId = `crash-${randomUUID().slice(0, 8)}`;
    let crashes = 0;
    const first = harness.consumer({
      groupId,
      afterCommitBeforeOffset: () => {
        crashes++;
        return Promise.reject(new Error('simulated crash before the offset commit'));
      },
    });
    first.on('c2c.city.archived.v1', harness.recordEffect);
    await first.start();
    const event = await publish(randomUUID());
    await eventually(async () => expect(await effectsOf(event.id)).toHaveLength(1));
    await eventually(() => expect(crashes).toBeGreaterThan(0));
    await first.stop();

    // A new member of the same group gets the uncommitted records again; the inbox absorbs them.
    const second = harness.consumer({ groupId }).on('c2c.city.archived.v1', harness.recordEffect);
    await second.start();
    const later = await publish(randomUUID());
    await eventually(async () => expect(await effectsOf(later.id)).toHaveLength(1), { timeout: 30_000 });
    expect(await effectsOf(event.id)).toHaveLength(1);
    await second.stop();
  });

  it('starts itself again after a crash kafkajs does not restart from, and applies nothing twice', async () => {
    const groupId = `restart-${randomUUID().slice(0, 8)}`;
    let crashes = 0;
    let restarts = 0;
    // What kafkajs raised after a paused process came back to a group that had evicted it.
    const consumer = harness.consumer({
      groupId,
      restartAfterMs: 100,
      onRestart: () => restarts++,
      afterCommitBeforeOffset: () => {
        if (crashes++ > 0) return Promise.resolve();
        return Promise.reject(new KafkaJSNonRetriableError('The coordinator is not aware of this member'));
      },
    });
    consumer.on('c2c.city.archived.v1', harness.recordEffect);
    await consumer.start();
    const event = await publish(randomUUID());
    await eventually(() => expect(restarts).toBe(1), { timeout: 30_000 });
    await eventually(() => expect(consumer.groupState).toBe('joined'), { timeout: 30_000 });
    await expect(consumer.readiness()).resolves.toBeUndefined();

    const later = await publish(randomUUID());
    await eventually(async () => expect(await effectsOf(later.id)).toHaveLength(1), { timeout: 30_000 });
    // The crashed member's uncommitted record came again to the new one, and the inbox absorbed it.
    expect(await effectsOf(event.id)).toHaveLength(1);
    expect(crashes).toBeGreaterThanOrEqual(2);
    expect(restarts).toBe(1);
    await consumer.stop();
  });

  it('dead-letters poison at once and failing handlers after their retries, keeps the partition flowing, and replays once after a fix', async () => {
    const groupId = `dlq-${randomUUID().slice(0, 8)}`;
    const cityId = randomUUID(); // one key: everything below shares a partition
    let broken = true;
    let failingCalls = 0;
    const consumer = harness.consumer({
      groupId,
      retry: { attempts: 3, initialDelayMs: 10, maxDelayMs: 20 },
    });
    consumer.on('c2c.city.archived.v1', async (event: Archived, tx) => {
      if (event.data.reason === 'fails until fixed' && broken) {
        failingCalls++;
        throw new Error('handler bug');
      }
      await harness.recordEffect(event, tx);
    });
    await consumer.start();
    const dlq = await new TopicRecorder(harness.kafka).start([consumer.deadLetterTopic]);

    // 1. Schema-invalid: a well-formed envelope whose payload breaks the contract.
    const poisonId = randomUUID();
    await producer.send({
      topic: harness.citiesTopic,
      messages: [
        {
          key: cityId,
          value: JSON.stringify({
            cityId,
            name: 'Tehran',
            countryCode: 'not-a-country',
            archivedAt: 'yesterday',
          }),
          headers: {
            ce_specversion: '1.0',
            ce_id: poisonId,
            ce_source: '/c2c/cities',
            ce_type: 'c2c.city.archived.v1',
            ce_subject: cityId,
            ce_time: new Date().toISOString(),
            ce_dataschema: 'https://example.org/schema.json',
            ce_sequence: '1',
            'content-type': 'application/json',
          },
        },
      ],
    });
    // 2. Valid, but the handler throws until fixed.
    const failing = await harness.transactions.run((tx) =>
      harness.outbox.add(
        tx,
        'c2c.city.archived.v1',
        { ...cityArchived(cityId), reason: 'fails until fixed' },
        { aggregateId: cityId },
      ),
    );
    // 3. A healthy event behind both on the same partition.
    const healthy = await publish(cityId);

    await eventually(async () => expect(await effectsOf(healthy.id)).toHaveLength(1), { timeout: 30_000 });
    await eventually(() => expect(dlq.messages).toHaveLength(2));
    const [poison, exhausted] = [
      dlq.messages.find((m) => m.headers.ce_id === poisonId),
      dlq.messages.find((m) => m.headers.ce_id === failing.id),
    ];
    expect(poison?.headers).toMatchObject({
      [DLQ_HEADERS.reason]: 'invalid-data',
      [DLQ_HEADERS.attempts]: '0',
      ce_type: 'c2c.city.archived.v1',
    });
    expect(poison?.headers[DLQ_HEADERS.error]).toMatch(/countryCode/);
    expect(exhausted?.headers).toMatchObject({
      [DLQ_HEADERS.reason]: 'handler-failed',
      [DLQ_HEADERS.attempts]: '3',
      [DLQ_HEADERS.group]: groupId,
      [DLQ_HEADERS.topic]: harness.citiesTopic,
      [CE_HEADERS.id]: failing.id,
    });
    expect(exhausted?.headers[DLQ_HEADERS.error]).toContain('handler bug');
    expect(failingCalls).toBe(3);

    const deadLetters = new DeadLetters(harness.kafka, harness.dataSource, consumer, {
      groupId,
      schema: SCHEMA,
    });
    const listed = await deadLetters.list();
    expect(listed.map((l) => [l.eventId, l.reason, l.resolved])).toEqual(
      expect.arrayContaining([
        [poisonId, 'invalid-data', false],
        [failing.id, 'handler-failed', false],
      ]),
    );

    broken = false; // the fix is deployed
    const replayed = await deadLetters.replayAll();
    expect(replayed.map((r) => [r.letter.eventId, r.outcome])).toEqual(
      expect.arrayContaining([
        [failing.id, 'applied'],
        [poisonId, 'dead-lettered'], // still poison: it goes back to the dead-letter topic
      ]),
    );
    expect(await effectsOf(failing.id)).toHaveLength(1);
    const exhaustedLetter = (await deadLetters.list()).find((l) => l.eventId === failing.id)!;
    expect(exhaustedLetter.resolved).toBe(true);
    await expect(deadLetters.replay(exhaustedLetter.partition, exhaustedLetter.offset)).resolves.toBe(
      'duplicate',
    );
    expect(await effectsOf(failing.id)).toHaveLength(1);
    await dlq.stop();
    await consumer.stop();
  }, 90_000);

  it('carries correlation, causation and trace from the handled event into the events its handler emits', async () => {
    const recorder = await new TopicRecorder(harness.kafka).start([harness.citiesTopic]);
    const sourceCity = randomUUID();
    const followUpCity = randomUUID();
    const consumer = harness.consumer();
    consumer.on('c2c.city.archived.v1', async (event: Archived, tx) => {
      if (event.subject !== sourceCity) return;
      await harness.outbox.add(tx, 'c2c.city.archived.v1', cityArchived(followUpCity), {
        aggregateId: followUpCity,
      });
    });
    await consumer.start();
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const cause = await MessageContexts.run(
      { correlationId: 'corr-7', causationId: 'req-7', traceparent },
      () => publish(sourceCity),
    );

    const [followUp] = await eventually(() => {
      const found = recorder.messages.filter((m) => m.key === followUpCity);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(followUp.headers).toMatchObject({ ce_correlationid: 'corr-7', ce_causationid: cause.id });
    // Tracing is off here: no span is recorded for this hop, so the trace is passed on unchanged (a new
    // span id would name a span no one recorded, and a traced consumer downstream would hang off it).
    expect(followUp.headers.ce_traceparent).toBe(traceparent);
    await recorder.stop();
    await consumer.stop();
  });
});
