/**
 * Relay benchmark (`npm run bench -- relay`): the outbox relay beside raw kafkajs on the same broker,
 * database and records, alternated round by round (see docs/benchmarks.md).
 *
 * 1. Drain: the relay publishing an N-row outbox backlog vs raw kafkajs `sendBatch` of the same
 *    records (keys, values, CloudEvents headers), idempotent, acks=all, batches of 1,000 as the relay.
 * 2. Latency at a fixed rate: commit (a worker thread commits one `Outbox.add` transaction per event)
 *    to the broker's ack of the batch that carried it, vs raw kafkajs `send` of one record at the same
 *    rate, from the call to its ack. Each round runs LATENCY_WARM_UP_SECONDS unmeasured first.
 *
 *   env (quick profile; the full one in brackets): EVENTS=20000 [100000]  LATENCY_RATE=1000
 *        LATENCY_SECONDS=2 [5]  LATENCY_WARM_UP_SECONDS=1 [2]  BENCH_ROUNDS=5  BENCH_WARM_UP=1
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  benchmarkMain,
  benchSize,
  figure,
  percentile,
  prepareTestInfrastructure,
  summarize,
} from '@c2c/testing';
import { Producer } from 'kafkajs';
import { cityArchived, MessagingHarness, SCHEMA } from '../test/support/messaging-harness';
import {
  BATCH,
  commitLoad,
  fillOutbox,
  idempotentProducer,
  outboxRecords,
  rawDrain,
  rawTopic,
  relayDrain,
  until,
} from './support';

const EVENTS = benchSize('EVENTS', { quick: 20_000, full: 100_000 });
const LATENCY_RATE = Number(process.env.LATENCY_RATE ?? 1_000);
const LATENCY_SECONDS = benchSize('LATENCY_SECONDS', { quick: 2, full: 5 });
const LATENCY_WARM_UP_SECONDS = benchSize('LATENCY_WARM_UP_SECONDS', { quick: 1, full: 2 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Latency {
  p50: number;
  p99: number;
}

const latencyOf = (values: number[]): Latency => ({
  p50: percentile(values, 50),
  p99: percentile(values, 99),
});

async function relayLatency(harness: MessagingHarness): Promise<Latency> {
  const ackedAt = new Map<string, number>();
  const relay = harness.relay({
    batchSize: BATCH,
    onPublished: (eventIds) => {
      const at = Date.now();
      for (const id of eventIds) ackedAt.set(id, at);
    },
  });
  await relay.start();
  // A relay in service has its connections and topic metadata; the first send pays for them.
  const first = randomUUID();
  await harness.transactions.run((tx) =>
    harness.outbox.add(tx, 'c2c.city.archived.v1', cityArchived(first), { aggregateId: first }),
  );
  await until(async () => (await harness.unpublished()) === 0, 'warm-up');
  const load = await commitLoad(
    harness,
    LATENCY_RATE,
    LATENCY_RATE * (LATENCY_WARM_UP_SECONDS + LATENCY_SECONDS),
  );
  await until(async () => (await harness.unpublished()) === 0, 'latency drain');
  await relay.stop();
  const measuredFrom = load.startedAt + LATENCY_WARM_UP_SECONDS * 1000;
  return latencyOf(
    load.committed.filter(([, at]) => at >= measuredFrom).map(([id, at]) => ackedAt.get(id)! - at),
  );
}

/** Raw kafkajs: one record per `send` at the same rate, the time from the call to its ack. */
async function rawLatency(producer: Producer, topic: string): Promise<Latency> {
  const count = LATENCY_RATE * (LATENCY_WARM_UP_SECONDS + LATENCY_SECONDS);
  const measuredFrom = LATENCY_RATE * LATENCY_WARM_UP_SECONDS;
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  const t0 = Date.now();
  for (let i = 0; i < count; i++) {
    const wait = t0 + (i * 1000) / LATENCY_RATE - Date.now();
    if (wait > 1) await sleep(wait);
    const key = randomUUID();
    const sentAt = Date.now();
    inFlight.push(
      producer
        .send({ topic, acks: -1, messages: [{ key, value: JSON.stringify(cityArchived(key)) }] })
        .then(() => {
          if (i >= measuredFrom) latencies.push(Date.now() - sentAt);
        }),
    );
  }
  await Promise.all(inFlight);
  return latencyOf(latencies);
}

benchmarkMain('relay', async ({ rounds, warmUp, progress }) => {
  prepareTestInfrastructure();
  const harness = await MessagingHarness.create('bench-relay');
  const producer = await idempotentProducer(harness);
  try {
    const drainTopic = await rawTopic(harness, 'bench.raw-drain');
    const latencyTopic = await rawTopic(harness, 'bench.raw-latency');
    await fillOutbox(harness, EVENTS);
    const messages = await outboxRecords(harness);
    await harness.dataSource.query(`delete from ${SCHEMA}.outbox`);

    const drains = { relay: [] as number[], raw: [] as number[] };
    const latencies = { relay: [] as Latency[], raw: [] as Latency[] };
    for (let round = 0; round < warmUp + rounds; round++) {
      const measured = round >= warmUp;
      const label = measured ? `round ${round - warmUp + 1}/${rounds}` : `warm-up ${round + 1}/${warmUp}`;
      // Alternate which goes first, so neither always meets the colder (or hotter) machine.
      const pair = [
        async () => {
          const value = await relayDrain(harness, EVENTS);
          if (measured) drains.relay.push(value);
          progress(`${label} drain: relay ${value} ev/s`);
        },
        async () => {
          const value = await rawDrain(producer, drainTopic, messages);
          if (measured) drains.raw.push(value);
          progress(`${label} drain: raw kafkajs ${value} ev/s`);
        },
        async () => {
          const value = await relayLatency(harness);
          if (measured) latencies.relay.push(value);
          progress(`${label} latency: relay p50 ${value.p50} ms p99 ${value.p99} ms`);
        },
        async () => {
          const value = await rawLatency(producer, latencyTopic);
          if (measured) latencies.raw.push(value);
          progress(`${label} latency: raw send p50 ${value.p50} ms p99 ${value.p99} ms`);
        },
      ];
      const order = round % 2 === 0 ? [0, 1, 2, 3] : [1, 0, 3, 2];
      for (const i of order) await pair[i]();
    }

    const relayP99 = summarize(latencies.relay.map((l) => l.p99));
    const rawP99 = summarize(latencies.raw.map((l) => l.p99));
    return {
      figures: [
        figure({
          id: 'relay.drain',
          label: `drain of a ${EVENTS.toLocaleString('en-US')}-row outbox`,
          unit: 'ev/s',
          better: 'higher',
          measured: summarize(drains.relay),
          anchors: [{ label: 'raw kafkajs sendBatch', summary: summarize(drains.raw) }],
          target: (ratio) => ({ text: '≥ 0.7×', met: (ratio ?? 0) >= 0.7 }),
        }),
        figure({
          id: 'relay.latency.p50',
          label: `commit → publish p50 at ${LATENCY_RATE} ev/s`,
          unit: 'ms',
          better: 'lower',
          measured: summarize(latencies.relay.map((l) => l.p50)),
          anchors: [{ label: 'raw send → ack p50', summary: summarize(latencies.raw.map((l) => l.p50)) }],
        }),
        figure({
          id: 'relay.latency.p99',
          label: `commit → publish p99 at ${LATENCY_RATE} ev/s`,
          unit: 'ms',
          better: 'lower',
          measured: relayP99,
          anchors: [{ label: 'raw send → ack p99', summary: rawP99 }],
          target: () => ({
            text: `≤ 2× raw p99 + 5 ms (${2 * rawP99.median + 5} ms)`,
            met: relayP99.median <= 2 * rawP99.median + 5,
          }),
        }),
      ],
      notes: [
        `Drain: ${EVENTS.toLocaleString('en-US')} rows over 1,000 aggregates as \`Outbox.add\` writes them; the anchor sends the same records with \`sendBatch\`, idempotent, acks=all, 1,000 per batch.`,
        `Latency: ${LATENCY_SECONDS} s measured per round after ${LATENCY_WARM_UP_SECONDS} s of the same load; the relay's figure is from \`COMMIT\` returning (load in a worker thread) to the broker's ack; the anchor's from \`send\` to its ack, one record per call, same producer settings.`,
      ],
    };
  } finally {
    await producer.disconnect();
    await harness.close();
  }
});
