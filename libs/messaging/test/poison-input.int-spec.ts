import { randomUUID } from 'node:crypto';
import { MAX_EVENT_BYTES } from '@c2c/contracts';
import { eventually, TopicRecorder } from '@c2c/testing';
import { ConfigResourceTypes, IHeaders, Producer } from 'kafkajs';
import { Registry } from 'prom-client';
import { DLQ_HEADERS } from '../src';
import { MessagingMetrics } from '../src/nest/messaging-metrics';
import { cityArchived, MessagingHarness } from './support/messaging-harness';

/**
 * Whatever lands on a topic, the consumer keeps its partition moving: each kind of bad record is
 * dead-lettered with a reason naming what is wrong (or, for a type no contract knows, skipped and
 * counted), and the healthy event queued behind all of them on the same partition is applied.
 */
describe('bad records on the real broker', () => {
  let harness: MessagingHarness;
  let producer: Producer;

  // Each test on topics and a database of its own: a consumer reads its topics from the start, and
  // must meet only the records its test put there.
  beforeEach(async () => {
    harness = await MessagingHarness.create('poison');
    await harness.relay().start();
    producer = harness.kafka.producer();
    await producer.connect();
  });

  afterEach(async () => {
    await producer?.disconnect();
    await harness?.close();
  });

  const envelope = (cityId: string, overrides: IHeaders = {}): IHeaders => ({
    ce_specversion: '1.0',
    ce_id: randomUUID(),
    ce_source: '/c2c/cities',
    ce_type: 'c2c.city.archived.v1',
    ce_subject: cityId,
    ce_time: new Date().toISOString(),
    ce_sequence: '1',
    ce_dataschema: 'https://example.org/schema.json',
    'content-type': 'application/json',
    ...overrides,
  });

  it('dead-letters each kind of poison with its reason, skips an unknown type with a metric, and applies what follows', async () => {
    const cityId = randomUUID(); // one key: every record below shares one partition, in this order
    const registry = new Registry();
    const metrics = new MessagingMetrics(registry);
    const consumer = harness.consumer({ onOutcome: metrics.onOutcome });
    consumer.on('c2c.city.archived.v1', harness.recordEffect);
    await consumer.start();
    const dlq = await new TopicRecorder(harness.kafka).start([consumer.deadLetterTopic]);

    const valid = JSON.stringify(cityArchived(cityId));
    const poison: { name: string; headers: IHeaders; value: string; reason: string; error: RegExp }[] = [
      {
        name: 'not JSON',
        headers: envelope(cityId),
        value: '{"cityId": "unterminated',
        reason: 'malformed-envelope',
        error: /JSON/i,
      },
      {
        name: 'no CloudEvents headers',
        headers: { 'content-type': 'application/json' },
        value: valid,
        reason: 'malformed-envelope',
        error: /specversion|ce_id|id/i,
      },
      {
        name: 'schema-invalid data',
        headers: envelope(cityId),
        value: JSON.stringify({ ...cityArchived(cityId), countryCode: 'not-a-country' }),
        reason: 'invalid-data',
        error: /countryCode/,
      },
      {
        name: "another service's ce_source",
        headers: envelope(cityId, { ce_source: '/c2c/partnerships' }),
        value: valid,
        reason: 'foreign-source',
        error: /partnerships|source/i,
      },
      {
        name: "another topic's type",
        headers: envelope(cityId, { ce_type: 'c2c.partnership.proposed.v1' }),
        value: valid,
        reason: 'type-not-of-topic',
        error: /partnership/i,
      },
    ];
    const unknownType = envelope(cityId, { ce_type: 'c2c.city.renamed.v9' });
    await producer.send({
      topic: harness.citiesTopic,
      messages: [
        ...poison.map((p) => ({ key: cityId, value: p.value, headers: p.headers })),
        { key: cityId, value: valid, headers: unknownType },
      ],
    });
    const healthy = await harness.transactions.run((tx) =>
      harness.outbox.add(tx, 'c2c.city.archived.v1', cityArchived(cityId), { aggregateId: cityId }),
    );

    await eventually(
      async () => expect((await harness.effects()).map((e) => e.event_id)).toContain(healthy.id),
      { timeout: 30_000 },
    );
    await eventually(() => expect(dlq.messages).toHaveLength(poison.length));
    // In the order they arrived, each with its reason and an error saying what was wrong.
    dlq.messages.forEach((letter, i) => {
      const expected = poison[i];
      expect({ name: expected.name, reason: letter.headers[DLQ_HEADERS.reason] }).toEqual({
        name: expected.name,
        reason: expected.reason,
      });
      expect(letter.headers[DLQ_HEADERS.error]).toMatch(expected.error);
      expect(letter.headers[DLQ_HEADERS.attempts]).toBe('0');
    });
    expect(dlq.messages.map((m) => m.headers.ce_type)).not.toContain('c2c.city.renamed.v9');
    const text = await registry.metrics();
    expect(text).toMatch(/^c2c_consumed_events_total\{type="unknown",outcome="skipped"\} 1$/m);
    expect(text).toMatch(/^c2c_consumed_events_total\{type="c2c.city.archived.v1",outcome="applied"\} 1$/m);
    await dlq.stop();
    await consumer.stop();
  }, 90_000);

  it('dead-letters a record of several MB as too large, keeping its first 64 KiB, and applies what follows', async () => {
    const cityId = randomUUID();
    // The broker takes it only because the topic was told to: an operator's mistake, or a hostile writer.
    const admin = harness.kafka.admin();
    await admin.connect();
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: harness.citiesTopic,
          configEntries: [{ name: 'max.message.bytes', value: String(8 * 1024 * 1024) }],
        },
      ],
    });
    await admin.disconnect();
    const consumer = harness.consumer();
    consumer.on('c2c.city.archived.v1', harness.recordEffect);
    await consumer.start();
    const dlq = await new TopicRecorder(harness.kafka).start([consumer.deadLetterTopic]);

    const huge = JSON.stringify({ ...cityArchived(cityId), reason: 'x'.repeat(3 * 1024 * 1024) });
    await producer.send({
      topic: harness.citiesTopic,
      messages: [{ key: cityId, value: huge, headers: envelope(cityId) }],
    });
    const healthy = await harness.transactions.run((tx) =>
      harness.outbox.add(tx, 'c2c.city.archived.v1', cityArchived(cityId), { aggregateId: cityId }),
    );

    await eventually(
      async () => expect((await harness.effects()).map((e) => e.event_id)).toContain(healthy.id),
      { timeout: 30_000 },
    );
    const [letter] = await eventually(() => {
      expect(dlq.messages).toHaveLength(1);
      return dlq.messages;
    });
    expect(letter.headers).toMatchObject({
      [DLQ_HEADERS.reason]: 'too-large',
      [DLQ_HEADERS.originalBytes]: String(Buffer.byteLength(huge)),
    });
    expect(letter.headers[DLQ_HEADERS.error]).toContain(`more than the ${MAX_EVENT_BYTES}`);
    expect(Buffer.byteLength(letter.value ?? '')).toBe(64 * 1024);
    expect(huge.startsWith(letter.value ?? '-')).toBe(true);
    await dlq.stop();
    await consumer.stop();
  }, 90_000);

  it('holds only the partition whose dead-letter topic refuses a letter, says so by metric, and goes on once the topic accepts', async () => {
    const registry = new Registry();
    const metrics = new MessagingMetrics(registry);
    const consumer = harness.consumer({
      deadLetterRetryMs: 200,
      onPartitionHeld: metrics.onPartitionHeld,
    });
    consumer.on('c2c.city.archived.v1', harness.recordEffect);
    // The dead-letter topic exists already and takes nothing bigger than 300 bytes: every letter is refused.
    const admin = harness.kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        {
          topic: consumer.deadLetterTopic,
          numPartitions: 1,
          configEntries: [{ name: 'max.message.bytes', value: '300' }],
        },
      ],
    });
    await consumer.start();
    const dlq = await new TopicRecorder(harness.kafka).start([consumer.deadLetterTopic]);

    const send = (partition: number, headers: IHeaders, value: string) =>
      producer.send({
        topic: harness.citiesTopic,
        messages: [{ partition, key: randomUUID(), headers, value }],
      });
    const archived = (cityId: string) => JSON.stringify(cityArchived(cityId));
    const [stuck, behind, elsewhere] = [randomUUID(), randomUUID(), randomUUID()];
    const behindHeaders = envelope(behind);
    const elsewhereHeaders = envelope(elsewhere);
    await send(0, envelope(stuck), '{"not": "an archived city"}');
    await send(0, behindHeaders, archived(behind));
    await send(1, elsewhereHeaders, archived(elsewhere));

    const applied = async () => (await harness.effects()).map((e) => e.event_id);
    const heldGauge = new RegExp(
      `^c2c_consumer_held_partitions\\{topic="${harness.citiesTopic}",partition="0"\\} (\\d)$`,
      'm',
    );
    // Partition 1 moves on; partition 0 waits, the event behind the refused letter not applied.
    await eventually(async () => expect(await applied()).toContain(String(elsewhereHeaders.ce_id)), {
      timeout: 30_000,
    });
    await eventually(async () => expect((await registry.metrics()).match(heldGauge)?.[1]).toBe('1'), {
      timeout: 30_000,
    });
    expect(await applied()).not.toContain(String(behindHeaders.ce_id));
    expect(dlq.messages).toHaveLength(0);

    // The operator fixes the topic: the held partition resumes from the refused record.
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: consumer.deadLetterTopic,
          configEntries: [{ name: 'max.message.bytes', value: '1048588' }],
        },
      ],
    });
    await admin.disconnect();
    await eventually(async () => expect(await applied()).toContain(String(behindHeaders.ce_id)), {
      timeout: 60_000,
    });
    await eventually(() =>
      expect(dlq.messages.map((m) => m.headers[DLQ_HEADERS.reason])).toEqual(['invalid-data']),
    );
    // The effect commits before the batch returns and releases the hold: the gauge follows a moment later.
    await eventually(async () => expect((await registry.metrics()).match(heldGauge)?.[1]).toBe('0'));
    // Nothing applied twice by the wait and the refetch.
    expect((await applied()).filter((id) => id === String(behindHeaders.ce_id))).toHaveLength(1);
    await dlq.stop();
    await consumer.stop();
  }, 120_000);
});
