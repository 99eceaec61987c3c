import { randomUUID } from 'node:crypto';
import {
  CE_HEADERS,
  createEventEnvelope,
  EventData,
  EventEnvelopeOf,
  EventType,
  toKafkaRecord,
} from '@c2c/contracts';
import type { Tx } from '@c2c/persistence';
import { startTracing, type Tracing } from '@c2c/platform';
import { eventDataFor } from '@c2c/testing';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { MessageContexts } from '../context/message-context';
import { BatchProcessor, BatchSummary, ConsumerTransactions, DeadLetterMessage } from './batch-processor';
import { ConsumedRecord, RecordOutcome } from './consumed-record';
import { DLQ_HEADERS } from './dead-letter';
import { RetryPolicy } from './failure-policy';
import { RejectedEvent } from './rejected-event';

const TOPIC = 'c2c.cities.v1';
const GROUP = 'partnerships';
const FAILED_AT = new Date('2026-06-01T09:30:00.000Z');
const RETRY: RetryPolicy = { attempts: 3, initialDelayMs: 100, maxDelayMs: 150 };

/**
 * The database as the processor sees it: an inbox and an effects log, each transaction staged and
 * kept only if its work resolves, so a rollback shows as missing effects.
 */
class FakeDatabase implements ConsumerTransactions {
  readonly inbox = new Set<string>();
  readonly effects: string[] = [];
  transactions = 0;
  /** Thrown by the next inbox insert, as a driver would throw it. */
  inboxFailure: Error | undefined;

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    this.transactions++;
    const staged = { inbox: new Set<string>(), effects: [] as string[] };
    const query = (sql: string, params: unknown[]): Promise<unknown[]> => {
      if (!sql.includes('.inbox')) {
        staged.effects.push(String(params[0]));
        return Promise.resolve([]);
      }
      if (this.inboxFailure !== undefined) return Promise.reject(this.inboxFailure);
      const [group, ids] = params as [string, string[], string[]];
      expect(group).toBe(GROUP);
      const fresh: { event_id: string }[] = [];
      for (const id of ids) {
        if (this.inbox.has(id) || staged.inbox.has(id)) continue;
        staged.inbox.add(id);
        fresh.push({ event_id: id });
      }
      return Promise.resolve(fresh);
    };
    const result = await work({ query } as unknown as Tx);
    for (const id of staged.inbox) this.inbox.add(id);
    this.effects.push(...staged.effects);
    return result;
  }
}

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

const envelopeOf = <T extends EventType>(
  type: T,
  data: EventData<T>,
  subject: string,
  traceparent?: string,
): EventEnvelopeOf<T> =>
  createEventEnvelope(type, data, {
    id: randomUUID(),
    subject,
    time: '2026-06-01T09:00:00Z',
    sequence: 1,
    correlationid: 'corr-1',
    ...(traceparent === undefined ? {} : { traceparent }),
  });

const recordOf = (envelope: EventEnvelopeOf<EventType>, offset: number): ConsumedRecord => {
  const { key, value, headers } = toKafkaRecord(envelope);
  return { topic: TOPIC, partition: 2, offset: String(offset), key, value, headers };
};

const archived = (offset: number, reason?: string, traceparent?: string) => {
  const cityId = randomUUID();
  const data = eventDataFor('c2c.city.archived.v1', { cityId, ...(reason === undefined ? {} : { reason }) });
  const envelope = envelopeOf('c2c.city.archived.v1', data, cityId, traceparent);
  return { envelope, record: recordOf(envelope, offset) };
};

type Archived = EventEnvelopeOf<'c2c.city.archived.v1'>;

function setUp(retry: RetryPolicy = RETRY) {
  const database = new FakeDatabase();
  const deadLetters: DeadLetterMessage[] = [];
  const delays: number[] = [];
  const outcomes: [string, RecordOutcome][] = [];
  const errors: string[] = [];
  const retries: string[] = [];
  const batches: BatchSummary[] = [];
  const processor = new BatchProcessor(database, {
    groupId: GROUP,
    schema: 'partnerships',
    retry,
    deadLetters: {
      send: (message) => {
        deadLetters.push(message);
        return Promise.resolve();
      },
    },
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
    now: () => FAILED_AT,
    onError: (_error, context) => errors.push(context),
    onOutcome: (type, outcome) => outcomes.push([type, outcome]),
    onRetry: (type) => retries.push(type),
    onBatch: (summary) => batches.push(summary),
  });
  /** A handler that logs `<name>:<event id>` through the transaction, and throws when told to. */
  const handler =
    (name: string, fails: (event: Archived) => boolean = () => false) =>
    async (event: Archived, tx: Tx): Promise<void> => {
      calls.push(`${name}:${event.id}`);
      await tx.query('insert into partnerships.effects (effect) values ($1)', [`${name}:${event.id}`]);
      if (fails(event)) throw new Error(`${name} failed on ${event.id}`);
    };
  const calls: string[] = [];
  return { database, deadLetters, delays, outcomes, errors, retries, batches, processor, handler, calls };
}

/** A fetched batch whose controls record what the processor did with them. */
function fetched(records: ConsumedRecord[], isRunning: () => boolean = () => true) {
  const commits: string[] = [];
  let heartbeats = 0;
  return {
    commits,
    heartbeats: () => heartbeats,
    batch: {
      records,
      lastOffset: records.at(-1)?.offset ?? '-1',
      commit: (offset: string) => {
        commits.push(offset);
        return Promise.resolve();
      },
      heartbeat: () => {
        heartbeats++;
        return Promise.resolve();
      },
      isRunning,
      isStale: () => false,
    },
  };
}

describe(BatchProcessor.name, () => {
  it('applies a whole batch in one transaction and commits its last offset once', async () => {
    const { database, processor, handler, outcomes } = setUp();
    processor.on('c2c.city.archived.v1', handler('model'));
    const events = [archived(10), archived(11), archived(12)];
    const { batch, commits, heartbeats } = fetched(events.map((e) => e.record));

    await processor.processBatch(batch);

    expect(database.transactions).toBe(1);
    expect(database.effects).toEqual(events.map((e) => `model:${e.envelope.id}`));
    expect([...database.inbox]).toEqual(events.map((e) => e.envelope.id));
    expect(commits).toEqual(['12']);
    expect(heartbeats()).toBe(1);
    expect(outcomes).toEqual(events.map(() => ['c2c.city.archived.v1', 'applied']));
  });

  it('runs several handlers of one type in registration order, in the same transaction', async () => {
    const { database, processor, handler } = setUp();
    processor.on('c2c.city.archived.v1', handler('model'));
    processor.on('c2c.city.archived.v1', handler('suspension'));
    const event = archived(0);

    await processor.processBatch(fetched([event.record]).batch);

    expect(database.transactions).toBe(1);
    expect(database.effects).toEqual([`model:${event.envelope.id}`, `suspension:${event.envelope.id}`]);
  });

  it('rolls back every handler of an event when a later one throws, and dead-letters it after its retries', async () => {
    const { database, processor, handler, calls, deadLetters } = setUp();
    processor.on('c2c.city.archived.v1', handler('model'));
    processor.on(
      'c2c.city.archived.v1',
      handler('suspension', () => true),
    );
    const event = archived(0);

    await processor.processBatch(fetched([event.record]).batch);

    const oneTry = [`model:${event.envelope.id}`, `suspension:${event.envelope.id}`];
    expect(calls).toEqual(Array.from({ length: RETRY.attempts }, () => oneTry).flat());
    expect(database.effects).toEqual([]);
    expect(database.inbox.has(event.envelope.id)).toBe(false);
    expect(deadLetters.map((m) => m.headers[DLQ_HEADERS.reason])).toEqual(['handler-failed']);
  });

  it('skips an event already in the inbox and applies the rest', async () => {
    const { database, processor, handler, calls, outcomes } = setUp();
    processor.on('c2c.city.archived.v1', handler('model'));
    const [seen, fresh] = [archived(3), archived(4)];
    database.inbox.add(seen.envelope.id);
    const { batch, commits } = fetched([seen.record, fresh.record]);

    await processor.processBatch(batch);

    expect(calls).toEqual([`model:${fresh.envelope.id}`]);
    expect(database.effects).toEqual([`model:${fresh.envelope.id}`]);
    expect(commits).toEqual(['4']);
    expect(outcomes.map(([, outcome]) => outcome)).toEqual(['duplicate', 'applied']);
  });

  it('applies an event delivered twice in one batch once', async () => {
    const { database, processor, handler } = setUp();
    processor.on('c2c.city.archived.v1', handler('model'));
    const event = archived(5);

    await processor.processBatch(fetched([event.record, { ...event.record, offset: '6' }]).batch);

    expect(database.effects).toEqual([`model:${event.envelope.id}`]);
  });

  it('replays a batch record by record when a handler throws: the others apply, the failing one is retried with backoff and dead-lettered', async () => {
    const { database, processor, handler, calls, deadLetters, delays, errors, outcomes } = setUp();
    const [before, failing, after] = [archived(20), archived(21, 'fails'), archived(22)];
    processor.on(
      'c2c.city.archived.v1',
      handler('model', (event) => event.id === failing.envelope.id),
    );
    const { batch, commits } = fetched([before.record, failing.record, after.record]);

    await processor.processBatch(batch);

    // Rolled back once as a batch, then applied on their own: each effect is there once.
    expect(database.effects).toEqual([`model:${before.envelope.id}`, `model:${after.envelope.id}`]);
    expect([...database.inbox].sort()).toEqual([before.envelope.id, after.envelope.id].sort());
    expect(commits).toEqual(['20', '21', '22']);
    // The batch try is the first of the policy's attempts.
    expect(calls.filter((c) => c === `model:${failing.envelope.id}`)).toHaveLength(RETRY.attempts);
    expect(errors).toEqual([
      `c2c.city.archived.v1 ${failing.envelope.id} attempt 1/3`,
      `c2c.city.archived.v1 ${failing.envelope.id} attempt 2/3`,
      `c2c.city.archived.v1 ${failing.envelope.id} attempt 3/3`,
    ]);
    expect(delays).toHaveLength(RETRY.attempts - 1);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(delays[1]).toBeGreaterThanOrEqual(75); // the ceiling is 200, capped at 150
    expect(delays[1]).toBeLessThanOrEqual(150);

    expect(deadLetters).toHaveLength(1);
    const [letter] = deadLetters;
    expect(letter?.key).toBe(failing.record.key);
    expect(letter?.value).toBe(failing.record.value);
    expect(letter?.headers).toEqual({
      ...failing.record.headers,
      [DLQ_HEADERS.reason]: 'handler-failed',
      [DLQ_HEADERS.error]: `Error: model failed on ${failing.envelope.id}`,
      [DLQ_HEADERS.attempts]: '3',
      [DLQ_HEADERS.group]: GROUP,
      [DLQ_HEADERS.topic]: TOPIC,
      [DLQ_HEADERS.partition]: '2',
      [DLQ_HEADERS.offset]: '21',
      [DLQ_HEADERS.failedAt]: FAILED_AT.toISOString(),
    });
    expect(letter?.headers[CE_HEADERS.id]).toBe(failing.envelope.id);
    expect(outcomes.map(([, outcome]) => outcome)).toEqual(['applied', 'dead-lettered', 'applied']);
  });

  it('counts each failed try that is tried again as a retry (the batch try included), not the last one', async () => {
    const { processor, handler, retries, batches } = setUp();
    const [before, failing] = [archived(20), archived(21, 'fails')];
    processor.on(
      'c2c.city.archived.v1',
      handler('model', (event) => event.id === failing.envelope.id),
    );

    await processor.processBatch(fetched([before.record, failing.record]).batch);

    expect(retries).toEqual(['c2c.city.archived.v1', 'c2c.city.archived.v1']);
    expect(batches).toEqual([
      {
        topic: TOPIC,
        partition: 2,
        count: 2,
        applied: 1,
        duplicates: 0,
        deadLettered: 1,
        ms: expect.any(Number) as number,
      },
    ]);
  });

  it('summarises each batch in one line: counts, duration and the trace of its first record', async () => {
    const { database, processor, handler, batches } = setUp();
    processor.on('c2c.city.archived.v1', handler('model'));
    const [seen, fresh] = [archived(3, undefined, TRACEPARENT), archived(4)];
    database.inbox.add(seen.envelope.id);

    await processor.processBatch(fetched([seen.record, fresh.record]).batch);

    expect(batches).toEqual([
      {
        topic: TOPIC,
        partition: 2,
        count: 2,
        applied: 1,
        duplicates: 1,
        deadLettered: 0,
        ms: expect.any(Number) as number,
        traceId: TRACE_ID,
      },
    ]);
  });

  it('applies a record whose handler recovers within its retries, without a dead letter', async () => {
    const { database, processor, handler, deadLetters, delays } = setUp();
    let failures = 1;
    const event = archived(30);
    processor.on(
      'c2c.city.archived.v1',
      handler('model', () => failures-- > 0),
    );

    await processor.processBatch(fetched([event.record]).batch);

    expect(database.effects).toEqual([`model:${event.envelope.id}`]);
    expect(deadLetters).toEqual([]);
    expect(delays).toHaveLength(1);
  });

  it('stops replaying, uncommitted, once the consumer stops running', async () => {
    const { database, processor, handler } = setUp();
    const [failing, after] = [archived(40, 'fails'), archived(41)];
    processor.on(
      'c2c.city.archived.v1',
      handler('model', (event) => event.id === failing.envelope.id),
    );
    let running = true;
    const { batch, commits } = fetched([failing.record, after.record], () => running);
    const commit = batch.commit;
    batch.commit = (offset) => {
      running = false; // a rebalance took the partition while the first record was handled
      return commit(offset);
    };

    await processor.processBatch(batch);

    expect(commits).toEqual(['40']);
    expect(database.effects).toEqual([]);
  });

  it.each([
    [
      'malformed-envelope',
      (record: ConsumedRecord): ConsumedRecord => ({
        ...record,
        headers: { ...record.headers, [CE_HEADERS.time]: 'yesterday' },
      }),
      /ce_time/,
    ],
    [
      'invalid-data',
      (record: ConsumedRecord): ConsumedRecord => ({
        ...record,
        value: JSON.stringify({ ...JSON.parse(String(record.value)), countryCode: 'not-a-country' }),
      }),
      /countryCode/,
    ],
  ])(
    'dead-letters a record at once as %s, never retried, and applies the rest',
    async (reason, spoil, error) => {
      const { database, processor, handler, calls, deadLetters, delays } = setUp();
      processor.on('c2c.city.archived.v1', handler('model'));
      const [poison, healthy] = [archived(50), archived(51)];
      const { batch, commits } = fetched([spoil(poison.record), healthy.record]);

      await processor.processBatch(batch);

      expect(deadLetters).toHaveLength(1);
      expect(deadLetters[0]?.headers).toMatchObject({
        [DLQ_HEADERS.reason]: reason,
        [DLQ_HEADERS.attempts]: '0',
        [DLQ_HEADERS.offset]: '50',
        [CE_HEADERS.id]: poison.envelope.id,
      });
      expect(String(deadLetters[0]?.headers[DLQ_HEADERS.error])).toMatch(error);
      expect(delays).toEqual([]);
      expect(calls).toEqual([`model:${healthy.envelope.id}`]);
      expect(database.effects).toEqual([`model:${healthy.envelope.id}`]);
      expect(commits).toEqual(['50', '51']);
    },
  );

  it.each([
    [
      'foreign-source',
      'another service writing on the cities topic under its own source',
      (record: ConsumedRecord): ConsumedRecord => ({
        ...record,
        headers: { ...record.headers, [CE_HEADERS.source]: '/c2c/partnerships' },
      }),
      'ce_source /c2c/partnerships is not /c2c/cities, the owner of c2c.cities.v1',
    ],
    [
      'type-not-of-topic',
      'a partnerships type on the cities topic under the cities source',
      (record: ConsumedRecord): ConsumedRecord => ({
        ...record,
        headers: { ...record.headers, [CE_HEADERS.type]: 'c2c.partnership.activated.v1' },
      }),
      'c2c.partnership.activated.v1 belongs to c2c.partnerships.v1, not to c2c.cities.v1',
    ],
    [
      'foreign-source',
      'a record on a topic outside the consumer prefix',
      (record: ConsumedRecord): ConsumedRecord => ({ ...record, topic: `other.${TOPIC}` }),
      'topic other.c2c.cities.v1 has no owning service in the contracts',
    ],
  ])('dead-letters at once as %s %s, applying nothing of it', async (reason, _label, forge, error) => {
    const { database, processor, handler, calls, deadLetters, delays } = setUp();
    processor.on('c2c.city.archived.v1', handler('model'));
    processor.on('c2c.partnership.activated.v1', () => Promise.resolve());
    const [forged, healthy] = [archived(55), archived(56)];
    const { batch, commits } = fetched([forge(forged.record), healthy.record]);

    await processor.processBatch(batch);

    expect(deadLetters.map((m) => [m.headers[DLQ_HEADERS.reason], m.headers[DLQ_HEADERS.error]])).toEqual([
      [reason, error],
    ]);
    expect(deadLetters[0]?.headers[DLQ_HEADERS.attempts]).toBe('0');
    expect(delays).toEqual([]);
    expect(calls).toEqual([`model:${healthy.envelope.id}`]);
    expect(database.inbox.has(forged.envelope.id)).toBe(false);
    expect(commits).toEqual(['55', '56']);
  });

  it('reads the owner of a prefixed topic from its logical name', async () => {
    const database = new FakeDatabase();
    const deadLetters: DeadLetterMessage[] = [];
    const processor = new BatchProcessor(database, {
      groupId: GROUP,
      schema: 'partnerships',
      topicPrefix: 't-1234.',
      retry: RETRY,
      deadLetters: { send: (message) => Promise.resolve(void deadLetters.push(message)) },
    });
    processor.on('c2c.city.archived.v1', () => Promise.resolve());
    const { record } = archived(1);

    await expect(processor.processRecord({ ...record, topic: `t-1234.${TOPIC}` })).resolves.toBe('applied');
    await expect(processor.processRecord({ ...record, topic: TOPIC })).resolves.toBe('dead-lettered');
    expect(deadLetters[0]?.headers[DLQ_HEADERS.reason]).toBe('foreign-source');
  });

  it('dead-letters an event its handler rejects at once, as rejected with the reason, without retries or backoff', async () => {
    const { database, processor, handler, calls, deadLetters, delays, outcomes } = setUp();
    const [before, rejected, after] = [archived(90), archived(91, 'implausible'), archived(92)];
    processor.on('c2c.city.archived.v1', async (event: Archived, tx) => {
      await handler('model')(event, tx);
      if (event.id === rejected.envelope.id)
        throw new RejectedEvent('sequence 9007199254740991 is implausible');
    });
    const { batch, commits } = fetched([before.record, rejected.record, after.record]);

    await processor.processBatch(batch);

    // Tried in the batch and once on its own (where it is rejected again), never backed off from.
    expect(calls.filter((c) => c === `model:${rejected.envelope.id}`)).toHaveLength(2);
    expect(delays).toEqual([]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]?.headers).toMatchObject({
      [DLQ_HEADERS.reason]: 'rejected',
      [DLQ_HEADERS.error]: 'RejectedEvent: sequence 9007199254740991 is implausible',
      [DLQ_HEADERS.attempts]: '1',
      [CE_HEADERS.id]: rejected.envelope.id,
    });
    expect(database.effects).toEqual([`model:${before.envelope.id}`, `model:${after.envelope.id}`]);
    expect(database.inbox.has(rejected.envelope.id)).toBe(false);
    expect(commits).toEqual(['90', '91', '92']);
    expect(outcomes.map(([, outcome]) => outcome)).toEqual(['applied', 'dead-lettered', 'applied']);
  });

  it('skips an event type this build does not know, and one it has no handler for', async () => {
    const { database, processor, handler, calls, deadLetters } = setUp();
    processor.on('c2c.city.archived.v1', handler('model'));
    const unknown = archived(60).record;
    unknown.headers = { ...unknown.headers, [CE_HEADERS.type]: 'c2c.city.renamed.v1' };
    const cityId = randomUUID();
    const unhandled = recordOf(
      envelopeOf('c2c.city.registered.v1', eventDataFor('c2c.city.registered.v1', { cityId }), cityId),
      61,
    );
    const { batch, commits } = fetched([unknown, unhandled]);

    await processor.processBatch(batch);

    expect(calls).toEqual([]);
    expect(deadLetters).toEqual([]);
    expect(database.inbox.size).toBe(0);
    expect(commits).toEqual(['61']);
    await expect(processor.processRecord(unknown)).resolves.toBe('skipped');
    await expect(processor.processRecord(unhandled)).resolves.toBe('skipped');
  });

  it.each([
    [
      'a lost database connection (SQLSTATE 08006)',
      // TypeORM's QueryFailedError keeps the driver's error, SQLSTATE and all, as driverError.
      Object.assign(new Error('Query failed'), { driverError: { code: '08006' } }),
    ],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
  ])('rethrows %s from the batch without dead-lettering or committing', async (_label, failure) => {
    const { database, processor, handler, deadLetters, delays } = setUp();
    processor.on('c2c.city.archived.v1', handler('model'));
    database.inboxFailure = failure;
    const { batch, commits, heartbeats } = fetched([archived(70).record, archived(71).record]);

    await expect(processor.processBatch(batch)).rejects.toBe(failure);

    expect(deadLetters).toEqual([]);
    expect(delays).toEqual([]);
    expect(commits).toEqual([]);
    expect(heartbeats()).toBe(0);
  });

  it('rethrows an outage that a handler meets during the replay, keeping what was committed before it', async () => {
    const { processor, handler, deadLetters } = setUp();
    const outage = Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
    const [healthy, failing] = [archived(80), archived(81, 'fails')];
    let replaying = false;
    processor.on(
      'c2c.city.archived.v1',
      handler('model', (event) => {
        if (event.id !== failing.envelope.id) return false;
        if (replaying) throw outage;
        replaying = true;
        return true;
      }),
    );
    const { batch, commits } = fetched([healthy.record, failing.record]);

    await expect(processor.processBatch(batch)).rejects.toBe(outage);

    expect(commits).toEqual(['80']);
    expect(deadLetters).toEqual([]);
  });
});

describe(`${BatchProcessor.name} with tracing on`, () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;

  beforeAll(() => {
    tracing = startTracing('batch-processor-spec', { exporter });
  });

  afterAll(() => tracing.shutdown());

  it('handles each event in a CONSUMER span, child of the event’s trace, which what it emits continues', async () => {
    const { processor } = setUp();
    const emitted: (string | undefined)[] = [];
    processor.on('c2c.city.archived.v1', () => {
      emitted.push(MessageContexts.current()?.traceparent);
      return Promise.resolve();
    });
    const event = archived(7, undefined, TRACEPARENT);

    await processor.processBatch(fetched([event.record]).batch);

    const [span] = exporter.getFinishedSpans();
    expect(span).toMatchObject({ name: `process ${TOPIC}`, kind: SpanKind.CONSUMER });
    expect(span?.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': TOPIC,
      'messaging.consumer.group.name': GROUP,
      'messaging.message.id': event.envelope.id,
    });
    expect(span?.spanContext().traceId).toBe(TRACE_ID);
    expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(emitted).toEqual([`00-${TRACE_ID}-${span?.spanContext().spanId}-01`]);
  });
});
