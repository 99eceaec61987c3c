/**
 * Messaging benchmark (a script, not a test): our relay and consumer beside anchors measured in the
 * same run, on the same broker and database, so the ratios mean something on any machine.
 *
 *   npm run bench:messaging            (EVENTS=100000 by default; EVENTS=20000 for a quick look)
 *
 * 1. relay draining an N-row outbox backlog  vs  raw kafkajs batched produce of the same records
 * 2. our consumer (validate + inbox + insert) vs raw kafkajs eachBatch doing the same insert, and vs
 *    the stock NestJS Kafka transport (@EventPattern) doing the same insert
 * 3. commit-to-publish latency at 1,000 events/s (commit returned → broker acknowledged), in steady
 *    state: after LATENCY_WARM_UP_SECONDS of the same load, whose figures are printed apart
 * 4. (ONLY=notify) producers' commit rate with the outbox's NOTIFY trigger and without it
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  Ctx,
  EventPattern,
  KafkaContext,
  MicroserviceOptions,
  Payload,
  Transport,
} from '@nestjs/microservices';
import { prepareTestInfrastructure, testKafkaBrokers } from '@c2c/testing';
import { Message } from 'kafkajs';
import { ensureTopics, topicName } from '../src';
import { cityArchived, MessagingHarness, SCHEMA } from '../test/support/messaging-harness';

const EVENTS = Number(process.env.EVENTS ?? 100_000);
const BATCH = 1_000;
const LATENCY_RATE = Number(process.env.LATENCY_RATE ?? 1_000);
const LATENCY_SECONDS = Number(process.env.LATENCY_SECONDS ?? 10);
// The same load first runs this long unmeasured: a relay in service has compiled its hot paths (V8's
// JIT works on the same two cores during a process's first seconds) and filled its pools.
const LATENCY_WARM_UP_SECONDS = Number(process.env.LATENCY_WARM_UP_SECONDS ?? 3);

const now = () => performance.now();
const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not finish within ${timeoutMs / 1000}s`);
    await sleep(20);
  }
}

async function countEffects(harness: MessagingHarness, table: string): Promise<number> {
  const [row] = (await harness.dataSource.query(`select count(*)::int as n from ${SCHEMA}.${table}`)) as {
    n: number;
  }[];
  return row?.n ?? 0;
}

/** Fills the outbox with N events over 1,000 aggregates, shaped exactly as Outbox.add writes them. */
async function fillOutbox(harness: MessagingHarness): Promise<void> {
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
    [JSON.stringify(headers), sample.time, EVENTS],
  );
}

async function benchRelay(harness: MessagingHarness) {
  await fillOutbox(harness);
  // Anchor: the same records, produced by raw kafkajs in batches of the same size.
  const rows = (await harness.dataSource.query(
    `select aggregate_id, sequence, headers, payload::text as payload from ${SCHEMA}.outbox order by id`,
  )) as { aggregate_id: string; sequence: string; headers: Record<string, string>; payload: string }[];
  const messages: Message[] = rows.map((r) => ({
    key: r.aggregate_id,
    value: r.payload,
    headers: { ...r.headers, ce_sequence: r.sequence },
  }));
  const rawTopic = topicName(harness.topicPrefix, 'bench.raw-produce');
  const admin = harness.kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [{ topic: rawTopic, numPartitions: 3 }]);
  await admin.disconnect();
  const producer = harness.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  let started = now();
  for (let i = 0; i < messages.length; i += BATCH) {
    await producer.sendBatch({
      acks: -1,
      topicMessages: [{ topic: rawTopic, messages: messages.slice(i, i + BATCH) }],
    });
  }
  const rawMs = now() - started;
  await producer.disconnect();

  const relay = harness.relay({ batchSize: BATCH });
  started = now();
  await relay.start();
  await until(async () => (await harness.unpublished()) === 0, 'relay drain');
  const relayMs = now() - started;
  await relay.stop();
  return { rawPerSecond: perSecond(EVENTS, rawMs), relayPerSecond: perSecond(EVENTS, relayMs) };
}

async function benchOurConsumer(harness: MessagingHarness): Promise<number> {
  await harness.dataSource.query(`truncate ${SCHEMA}.effects`);
  const consumer = harness.consumer({ groupId: `bench-ours-${randomUUID().slice(0, 8)}` });
  consumer.on('c2c.city.archived.v1', harness.recordEffect);
  const started = now();
  await consumer.start();
  await until(async () => (await countEffects(harness, 'effects')) >= EVENTS, 'our consumer');
  const ms = now() - started;
  await consumer.stop();
  return perSecond(EVENTS, ms);
}

async function benchRawConsumer(harness: MessagingHarness): Promise<number> {
  await harness.dataSource.query(`truncate ${SCHEMA}.effects`);
  const consumer = harness.kafka.consumer({
    groupId: `bench-raw-${randomUUID().slice(0, 8)}`,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [harness.citiesTopic], fromBeginning: true });
  const started = now();
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      // The usual hand-written consumer: the same insert per message, no validation, no inbox.
      for (const message of batch.messages) {
        const headers = message.headers ?? {};
        await harness.dataSource.query(
          `insert into ${SCHEMA}.effects (event_id, aggregate_id, sequence) values ($1, $2, $3)`,
          [String(headers.ce_id), message.key?.toString(), Number(String(headers.ce_sequence))],
        );
        resolveOffset(message.offset);
      }
      await heartbeat();
    },
  });
  await until(async () => (await countEffects(harness, 'effects')) >= EVENTS, 'raw consumer');
  const ms = now() - started;
  await consumer.disconnect();
  return perSecond(EVENTS, ms);
}

async function benchStockNest(harness: MessagingHarness): Promise<number> {
  await harness.dataSource.query(`truncate ${SCHEMA}.effects`);
  const topic = harness.citiesTopic;
  @Controller()
  class StockController {
    @EventPattern(topic)
    async handle(@Payload() _data: unknown, @Ctx() context: KafkaContext): Promise<void> {
      const message = context.getMessage();
      const headers = message.headers ?? {};
      await harness.dataSource.query(
        `insert into ${SCHEMA}.effects (event_id, aggregate_id, sequence) values ($1, $2, $3)`,
        [String(headers.ce_id), message.key?.toString(), Number(String(headers.ce_sequence))],
      );
    }
  }
  @Module({ controllers: [StockController] })
  class StockModule {}
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(StockModule, {
    logger: false,
    transport: Transport.KAFKA,
    options: {
      client: { brokers: testKafkaBrokers(), clientId: 'bench-stock' },
      consumer: { groupId: `bench-stock-${randomUUID().slice(0, 8)}` },
      subscribe: { fromBeginning: true },
    },
  });
  const started = now();
  await app.listen();
  await until(async () => (await countEffects(harness, 'effects')) >= EVENTS, 'stock Nest transport');
  const ms = now() - started;
  await app.close();
  return perSecond(EVENTS, ms);
}

async function benchLatency(harness: MessagingHarness) {
  const ackedAt = new Map<string, number>();
  const relay = harness.relay({
    batchSize: BATCH,
    onPublished: (eventIds) => {
      const now = Date.now();
      for (const id of eventIds) ackedAt.set(id, now);
    },
  });
  await relay.start();
  // Warm up: a relay in service has its connections and topic metadata; the first send pays for them.
  const warmUp = randomUUID();
  await harness.transactions.run((tx) =>
    harness.outbox.add(tx, 'c2c.city.archived.v1', cityArchived(warmUp), { aggregateId: warmUp }),
  );
  await until(async () => (await harness.unpublished()) === 0, 'warm-up');
  const { committed, startedAt, offeredRate } = await new Promise<{
    committed: [string, number][];
    startedAt: number;
    offeredRate: number;
  }>((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'latency-load.worker.ts'), {
      execArgv: ['-r', '@swc-node/register'],
      workerData: {
        databaseUrl: harness.databaseUrl,
        rate: LATENCY_RATE,
        count: LATENCY_RATE * (LATENCY_WARM_UP_SECONDS + LATENCY_SECONDS),
      },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await until(async () => (await harness.unpublished()) === 0, 'latency drain');
  await relay.stop();
  // Commit (in the load thread, after COMMIT returned) to the broker's acknowledgement (in the relay).
  const measuredFrom = startedAt + LATENCY_WARM_UP_SECONDS * 1000;
  const latencies = (events: [string, number][]) =>
    percentiles(events.map(([id, at]) => ackedAt.get(id)! - at));
  return {
    offeredRate,
    steady: latencies(committed.filter(([, at]) => at >= measuredFrom)),
    warmUp: latencies(committed.filter(([, at]) => at < measuredFrom)),
  };
}

/**
 * How fast producers can commit `Outbox.add` transactions (16 connections, as fast as they go) with the
 * outbox's NOTIFY trigger and without it: PostgreSQL serialises the commits of notifying transactions
 * in a database (see docs/messaging.md, "Limits to know").
 */
async function benchNotify(harness: MessagingHarness) {
  const commitRate = async () => {
    const { offeredRate } = await new Promise<{ offeredRate: number }>((resolve, reject) => {
      const worker = new Worker(path.join(__dirname, 'latency-load.worker.ts'), {
        execArgv: ['-r', '@swc-node/register'],
        workerData: { databaseUrl: harness.databaseUrl, rate: 100_000, count: 12_000 },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await harness.dataSource.query(`delete from ${SCHEMA}.outbox`);
    return offeredRate;
  };
  const trigger = (state: 'enable' | 'disable') =>
    harness.dataSource.query(`alter table ${SCHEMA}.outbox ${state} trigger outbox_notify`);
  const withNotify = await commitRate();
  await trigger('disable');
  const withoutNotify = await commitRate().finally(() => trigger('enable'));
  return { withNotify, withoutNotify };
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return { count: sorted.length, p50: at(50), p99: at(99), max: sorted[sorted.length - 1] ?? NaN };
}

const latencyLine = (name: string, l: ReturnType<typeof percentiles>) =>
  `${name.padEnd(20)} p50 ${l.p50.toFixed(1)} ms   p99 ${l.p99.toFixed(1)} ms   max ${l.max.toFixed(1)} ms   over ${l.count} events`;

function reportLatency(latency: Awaited<ReturnType<typeof benchLatency>>): void {
  console.log(
    `${latencyLine('commit-to-publish', latency.steady)} at ${latency.offeredRate} ev/s (target p99 <= 20 ms)`,
  );
  console.log(latencyLine(`  first ${LATENCY_WARM_UP_SECONDS} s (warm-up)`, latency.warmUp));
}

async function main(): Promise<void> {
  prepareTestInfrastructure();
  const harness = await MessagingHarness.create('bench');
  try {
    console.log(`messaging benchmark: ${EVENTS} events, batch ${BATCH}, Node ${process.version}\n`);
    const only = process.env.ONLY;
    if (only === 'notify') {
      const { withNotify, withoutNotify } = await benchNotify(harness);
      console.log(
        `producer commits     ${withNotify} tx/s with the NOTIFY trigger   ${withoutNotify} tx/s without   ratio ${(withNotify / withoutNotify).toFixed(2)}x`,
      );
      return;
    }
    if (only === 'latency') {
      reportLatency(await benchLatency(harness));
      return;
    }
    const relay = await benchRelay(harness);
    if (only === 'relay') return void console.log(relay);
    console.log(
      `relay drain          ${relay.relayPerSecond} ev/s   raw kafkajs produce ${relay.rawPerSecond} ev/s   ratio ${(relay.relayPerSecond / relay.rawPerSecond).toFixed(2)}x (target >= 0.5x)`,
    );
    const ours = await benchOurConsumer(harness);
    const raw = await benchRawConsumer(harness);
    const stock = await benchStockNest(harness);
    console.log(`consumer (ours)      ${ours} ev/s`);
    console.log(`raw eachBatch        ${raw} ev/s   ratio ${(ours / raw).toFixed(2)}x (target >= 0.7x)`);
    console.log(`stock Nest transport ${stock} ev/s   ratio ${(ours / stock).toFixed(2)}x (target >= 3x)`);
    reportLatency(await benchLatency(harness));
  } finally {
    await harness.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
