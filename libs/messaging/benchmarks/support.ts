/**
 * What the messaging benchmarks share: the outbox fill, the effect count, a bounded wait, and the
 * targets that more than one benchmark measures (the relay's drain and its raw kafkajs anchor, our
 * consumer's apply and the strong raw eachBatch), so the Kafka client benchmark runs the very code the
 * relay and consumer benchmarks do.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Message, Producer } from 'kafkajs';
import { ensureTopics, topicName } from '../src';
import { cityArchived, MessagingHarness, SCHEMA } from '../test/support/messaging-harness';

export const BATCH = 1_000;
export const now = () => performance.now();
export const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(
  condition: () => Promise<boolean>,
  what: string,
  timeoutMs = 600_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not finish within ${timeoutMs / 1000}s`);
    await sleep(20);
  }
}

export async function countEffects(harness: MessagingHarness): Promise<number> {
  const [row] = (await harness.dataSource.query(`select count(*)::int as n from ${SCHEMA}.effects`)) as {
    n: number;
  }[];
  return row?.n ?? 0;
}

/** Fills the outbox with N events over 1,000 aggregates, shaped exactly as Outbox.add writes them. */
export async function fillOutbox(harness: MessagingHarness, events: number): Promise<void> {
  const sample = await harness.transactions.run((tx) =>
    harness.outbox.add(tx, 'c2c.city.archived.v1', cityArchived(randomUUID()), { aggregateId: randomUUID() }),
  );
  await harness.dataSource.query(`delete from ${SCHEMA}.outbox`);
  const headers = {
    ce_specversion: '1.0',
    ce_source: sample.source,
    ce_type: sample.type,
    ce_time: sample.time,
    ce_dataschema: sample.dataschema,
    'content-type': 'application/json',
  };
  await harness.dataSource.query(
    `insert into ${SCHEMA}.outbox (event_id, topic, event_type, aggregate_id, sequence, headers, payload)
     select e.id, 'c2c.cities.v1', 'c2c.city.archived.v1', e.key, (g / 1000) + 1,
            $1::jsonb || jsonb_build_object('ce_id', e.id, 'ce_subject', e.key),
            json_build_object('cityId', e.key, 'name', 'Tehran', 'countryCode', 'IR', 'archivedAt', $2::text)
       from generate_series(0, $3 - 1) as g,
            lateral (select gen_random_uuid() as id,
                            ('00000000-0000-4000-8000-' || lpad(to_hex(g % 1000), 12, '0')) as key) e
      order by g`,
    [JSON.stringify(headers), sample.time, events],
  );
}

export interface CommitLoad {
  committed: [string, number][];
  startedAt: number;
  offeredRate: number;
}

/** Commits one `Outbox.add` transaction per event at `rate` for `count` events, in a worker thread. */
export function commitLoad(harness: MessagingHarness, rate: number, count: number): Promise<CommitLoad> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'latency-load.worker.ts'), {
      execArgv: ['-r', '@swc-node/register'],
      workerData: { databaseUrl: harness.databaseUrl, rate, count },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** A 3-partition topic of the harness's namespace, for an anchor to write to. */
export async function rawTopic(harness: MessagingHarness, name: string): Promise<string> {
  const topic = topicName(harness.topicPrefix, name);
  const admin = harness.kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [{ topic, numPartitions: 3 }]);
  await admin.disconnect();
  return topic;
}

/** A kafkajs producer set as the relay's: idempotent, one request in flight. */
export async function idempotentProducer(harness: MessagingHarness): Promise<Producer> {
  const producer = harness.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return producer;
}

/** The records the relay would publish for the outbox as it is now (the anchors send these). */
export async function outboxRecords(harness: MessagingHarness): Promise<Message[]> {
  const rows = (await harness.dataSource.query(
    `select aggregate_id, sequence, headers, payload::text as payload from ${SCHEMA}.outbox order by id`,
  )) as { aggregate_id: string; sequence: string; headers: Record<string, string>; payload: string }[];
  return rows.map((r) => ({
    key: r.aggregate_id,
    value: r.payload,
    headers: { ...r.headers, ce_sequence: r.sequence },
  }));
}

/** The relay publishing a freshly filled `events`-row outbox, in ev/s. */
export async function relayDrain(harness: MessagingHarness, events: number): Promise<number> {
  await fillOutbox(harness, events);
  const relay = harness.relay({ batchSize: BATCH });
  const started = now();
  await relay.start();
  await until(async () => (await harness.unpublished()) === 0, 'relay drain');
  const ms = now() - started;
  await relay.stop();
  return perSecond(events, ms);
}

/** Raw kafkajs `sendBatch` of the same records, acks=all, 1,000 per batch as the relay, in ev/s. */
export async function rawDrain(producer: Producer, topic: string, messages: Message[]): Promise<number> {
  const started = now();
  for (let i = 0; i < messages.length; i += BATCH) {
    await producer.sendBatch({
      acks: -1,
      topicMessages: [{ topic, messages: messages.slice(i, i + BATCH) }],
    });
  }
  return perSecond(messages.length, now() - started);
}

/** The insert every consumer under test makes per event. */
export const EFFECT_INSERT = `insert into ${SCHEMA}.effects (event_id, aggregate_id, sequence) values ($1, $2, $3)`;

/** Empties the effects, starts a consumer, and times it until `events` effects are in, in ev/s. */
export async function timedApply(
  harness: MessagingHarness,
  events: number,
  what: string,
  start: () => Promise<() => Promise<void>>,
): Promise<number> {
  await harness.dataSource.query(`truncate ${SCHEMA}.effects`);
  const started = now();
  const stop = await start();
  await until(async () => (await countEffects(harness)) >= events, what);
  const ms = now() - started;
  await stop();
  return perSecond(events, ms);
}

/** Our `EventConsumer` applying the cities topic's `events` events through the inbox, a fresh group. */
export const oursApply = (harness: MessagingHarness, events: number): Promise<number> =>
  timedApply(harness, events, 'our consumer', async () => {
    const consumer = harness.consumer({ groupId: `bench-ours-${randomUUID().slice(0, 8)}` });
    consumer.on('c2c.city.archived.v1', harness.recordEffect);
    await consumer.start();
    return () => consumer.stop();
  });

/**
 * The strongest hand-written kafkajs consumer: `eachBatch`, the batch's inserts in one transaction,
 * then one offset commit for the batch (an event applied twice after a crash is the price: no inbox).
 */
export const strongRawApply = (harness: MessagingHarness, events: number): Promise<number> =>
  timedApply(harness, events, 'raw consumer', async () => {
    const consumer = harness.kafka.consumer({
      groupId: `bench-raw-${randomUUID().slice(0, 8)}`,
      maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [harness.citiesTopic], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat }) => {
        await harness.transactions.run(async (tx) => {
          for (const message of batch.messages) {
            const headers = message.headers ?? {};
            await tx.query(EFFECT_INSERT, [
              String(headers.ce_id),
              message.key?.toString(),
              Number(String(headers.ce_sequence)),
            ]);
          }
        });
        resolveOffset(batch.lastOffset());
        await commitOffsetsIfNecessary();
        await heartbeat();
      },
    });
    return () => consumer.disconnect();
  });
