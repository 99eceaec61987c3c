import { randomUUID } from 'node:crypto';
import { eventually, TopicRecorder } from '@c2c/testing';
import { IHeaders, Producer } from 'kafkajs';
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

  beforeAll(async () => {
    harness = await MessagingHarness.create('poison');
    await harness.relay().start();
    producer = harness.kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
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
});
