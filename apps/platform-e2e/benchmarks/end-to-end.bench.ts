/**
 * End-to-end benchmark (`npm run bench -- end-to-end`): city registrations (`POST /api/v1/cities`,
 * each with a fresh Idempotency-Key) through the whole platform: gateway → cities service (row and
 * outbox in one transaction) → relay → Kafka → notifications service → one inbox row for the
 * secretariat ("New city on the platform: …"). Every app runs as an operator runs it, `node
 * dist/apps/<app>/src/main.js` from the swc build (built first), in its own process with its own role
 * and schema, under a topic prefix of its own; partnerships and commissions run too and consume the
 * same city events, as on the platform. Load comes from undici in a worker thread (an open loop).
 *
 * 1. Sustained rate: the offered rate steps up through E2E_RATES, E2E_STEP_SECONDS each; a step holds
 *    when every answer is a 201 (≤ 0.1 % otherwise) and, at the step's end, the requests sent but not
 *    yet in the inbox are at most E2E_LAG_SECONDS of the offered rate. The figure is the highest step
 *    that held, after one more step halfway between the last that held and the first that did not
 *    (one ladder per run: its steps are long); the backlog drains between steps.
 * 2. Latency at half that rate, E2E_LATENCY_SECONDS per round: from the client's 201 to the commit of
 *    the inbox row, which a trigger on the service's table (in this run's database) NOTIFYs, delivered
 *    at commit, to a listener here; both times from this machine's clock.
 * 3. Anchors, alternated with the latency rounds: bare Fastify answering the same POST under the same
 *    generator (closed loop); raw pg two-insert transactions ÷ 2 (a command is two transactions: the
 *    service's and the notifier's); raw kafkajs produce + consume of E2E_KAFKA_EVENTS records. The
 *    figure is set against the slowest of the three.
 *
 *   env (quick profile; the full one in brackets): E2E_RATES=25,50,100,150,200,300,400,600,800,1200
 *        E2E_STEP_SECONDS=10 [30]  E2E_LAG_SECONDS=1  E2E_LATENCY_SECONDS=5 [10]
 *        E2E_ANCHOR_SECONDS=3 [5]  E2E_KAFKA_EVENTS=10000 [20000]  E2E_CONNECTIONS=64
 *        BENCH_LOG_LEVEL=info  BENCH_BUILD=0 (use the dist/ there is)  BENCH_ROUNDS=5  BENCH_WARM_UP=1
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { createKafka, ensureTopics, topicName } from '@c2c/messaging';
import {
  benchList,
  benchSize,
  alternate,
  benchmarkMain,
  createTestDatabase,
  figure,
  freePort,
  percentile,
  prepareTestInfrastructure,
  summarize,
  testKafkaBrokers,
} from '@c2c/testing';
import type { Kafka } from 'kafkajs';
import { Client, Pool } from 'pg';
// The platform's benchmarks share one way to build, spawn and log in (the gateway's benchmark support);
// benchmarks have no published entry point, so this one reaches it by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { buildDist, login, startServer, type ServerProcess } from '../../gateway/benchmarks/support';
import type { ClosedLoopResult, OpenLoopResult } from './end-to-end-load.worker';
import {
  type AppName,
  APPS,
  inboxCount,
  inWorker,
  LOG_LEVEL,
  namePrefix,
  sleep,
  startPlatform,
  until,
  watchInbox,
} from './end-to-end-platform';

const STEPS = [25, 50, 100, 150, 200, 300, 400, 600, 800, 1200];
const RATES = benchList('E2E_RATES', { quick: STEPS, full: STEPS });
const STEP_SECONDS = benchSize('E2E_STEP_SECONDS', { quick: 10, full: 30 });
const LAG_SECONDS = Number(process.env.E2E_LAG_SECONDS ?? 1);
const LATENCY_SECONDS = benchSize('E2E_LATENCY_SECONDS', { quick: 5, full: 10 });
const ANCHOR_SECONDS = benchSize('E2E_ANCHOR_SECONDS', { quick: 3, full: 5 });
const KAFKA_EVENTS = benchSize('E2E_KAFKA_EVENTS', { quick: 10_000, full: 20_000 });
const CONNECTIONS = Number(process.env.E2E_CONNECTIONS ?? 64);
const P99_TARGET_MS = 100;
const RATIO_TARGET = 0.3;
/** Connections of the raw PostgreSQL anchor: as many as the cities service's pool. */
const PG_CONNECTIONS = 10;
interface Step {
  rate: number;
  held: boolean;
  backlog: number;
  errors: number;
  httpP50: number;
  httpP99: number;
  firstError?: string;
}

/** One step of the ladder: the open loop at `rate`, the backlog read at the step's end, then drained. */
async function step(url: string, token: string, db: Pool, rate: number, seconds: number): Promise<Step> {
  const baseline = await inboxCount(db);
  const counters = new SharedArrayBuffer(8);
  const startAt = Date.now() + 200;
  const run = inWorker<OpenLoopResult>({
    mode: 'open',
    url,
    token,
    connections: CONNECTIONS,
    rate,
    seconds,
    startAt,
    namePrefix: namePrefix(),
    counters,
  });
  await sleep(startAt + seconds * 1000 - Date.now());
  const sent = Atomics.load(new Int32Array(counters), 0);
  const backlog = sent - ((await inboxCount(db)) - baseline);
  const result = await run;
  // Drained (or given up on) before the next step, so no step inherits another's backlog.
  await until(async () => (await inboxCount(db)) - baseline >= result.created.length, 60_000);
  const held = result.errors <= result.sent * 0.001 && backlog <= Math.max(1, rate * LAG_SECONDS);
  return {
    rate,
    held,
    backlog,
    errors: result.errors,
    httpP50: result.httpP50,
    httpP99: result.httpP99,
    ...(result.firstError === undefined ? {} : { firstError: result.firstError }),
  };
}

/**
 * Latency at `rate`: from each 201 to its inbox row's commit, which the trigger put on the service's
 * table in this run's database after the ladder NOTIFYs (a NOTIFY takes a lock at commit: the ladder
 * runs without it).
 */
async function latency(
  url: string,
  token: string,
  seen: Map<string, number>,
  produced: Map<string, number>,
  rate: number,
): Promise<{ p50: number; p99: number; relay: number[]; onward: number[] }> {
  const result = await inWorker<OpenLoopResult>({
    mode: 'open',
    url,
    token,
    connections: CONNECTIONS,
    rate,
    seconds: LATENCY_SECONDS,
    startAt: Date.now() + 200,
    namePrefix: namePrefix(),
    counters: new SharedArrayBuffer(8),
  });
  if (result.created.length === 0) throw new Error(`no 201 at ${rate}/s: ${result.firstError}`);
  const arrived = await until(
    () => Promise.resolve(result.created.every(([name]) => seen.has(name))),
    60_000,
  );
  if (!arrived) throw new Error('inbox rows missing 60 s after the latency load');
  const latencies = result.created.map(([name, answeredAt]) => seen.get(name)! - answeredAt);
  // Where the time went: 201 → the relay's produce (the record's CreateTime), then → the inbox commit.
  const split = result.created.filter(([name]) => produced.has(name));
  const relay = split.map(([name, answeredAt]) => produced.get(name)! - answeredAt);
  const onward = split.map(([name]) => seen.get(name)! - produced.get(name)!);
  for (const [name] of result.created) {
    seen.delete(name);
    produced.delete(name);
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), relay, onward };
}

/** Raw pg: transactions of two inserts (a row and an outbox-shaped row), PG_CONNECTIONS at a time. */
async function rawPostgres(db: Pool): Promise<number> {
  let committed = 0;
  const deadline = performance.now() + ANCHOR_SECONDS * 1000;
  const started = performance.now();
  const loop = async () => {
    while (performance.now() < deadline) {
      const client = await db.connect();
      try {
        const id = randomUUID();
        await client.query('begin');
        await client.query('insert into public.e2e_anchor_rows (id, name) values ($1, $2)', [
          id,
          `Bench ${id}`,
        ]);
        await client.query(
          'insert into public.e2e_anchor_outbox (event_id, aggregate_id, payload) values ($1, $2, $3)',
          [randomUUID(), id, JSON.stringify({ cityId: id, name: `Bench ${id}`, countryCode: 'JP' })],
        );
        await client.query('commit');
        committed++;
      } finally {
        client.release();
      }
    }
  };
  await Promise.all(Array.from({ length: PG_CONNECTIONS }, loop));
  return Math.round((committed / (performance.now() - started)) * 1000);
}

/** Raw kafkajs: KAFKA_EVENTS records produced in batches of 1,000 (acks=all) and consumed by a joined group. */
async function rawKafka(kafka: Kafka, topic: string, consumed: { count: number }): Promise<number> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const target = consumed.count + KAFKA_EVENTS;
  const started = performance.now();
  for (let i = 0; i < KAFKA_EVENTS; i += 1_000) {
    await producer.sendBatch({
      acks: -1,
      topicMessages: [
        {
          topic,
          messages: Array.from({ length: Math.min(1_000, KAFKA_EVENTS - i) }, () => {
            const key = randomUUID();
            return { key, value: JSON.stringify({ cityId: key, name: 'Bench', countryCode: 'JP' }) };
          }),
        },
      ],
    });
  }
  await until(() => Promise.resolve(consumed.count >= target), 120_000);
  const ms = performance.now() - started;
  await producer.disconnect();
  return Math.round((KAFKA_EVENTS / ms) * 1000);
}

benchmarkMain('end-to-end', async ({ rounds, warmUp, progress }) => {
  prepareTestInfrastructure();
  progress('building dist/');
  buildDist();
  const database = await createTestDatabase('e2e_bench');
  const db = new Pool({ connectionString: database.adminUrl, max: PG_CONNECTIONS + 2 });
  const listener = new Client({ connectionString: database.adminUrl });
  let platform: Partial<Record<AppName, ServerProcess>> = {};
  let bare: ServerProcess | undefined;
  const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'bench-e2e-anchor' });
  const anchorConsumer = kafka.consumer({ groupId: `bench-e2e-${randomUUID()}`, maxWaitTimeInMs: 50 });
  // Reads the platform's city events beside the services, only for each record's CreateTime (set by the
  // relay's producer as it sends): the point that splits the latency into the relay's part and the rest.
  const tap = kafka.consumer({ groupId: `bench-e2e-tap-${randomUUID()}`, maxWaitTimeInMs: 50 });
  const topicPrefix = `bench-e2e-${randomBytes(3).toString('hex')}.`;
  try {
    progress('starting cities, partnerships, commissions, notifications and the gateway from dist/');
    platform = await startPlatform(database.adminUrl, topicPrefix);
    const apps = platform as Record<AppName, ServerProcess>;
    const url = `${apps.gateway.base}/api/v1/cities`;
    const token = await login(apps.gateway.base);

    // A platform in service has fetched its keys, filled its pools and met its topics: a few commands
    // one after the other do that before anything is measured, whatever BENCH_WARM_UP says.
    const primer = namePrefix();
    for (let i = 0; i < 20; i++) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({
          name: `${primer} ${'abcdefghijklmnopqrst'[i]}`,
          countryCode: 'JP',
          level: 'metropolitan-city',
        }),
      });
      if (response.status !== 201) throw new Error(`priming: ${response.status} ${await response.text()}`);
    }

    // 1. The ladder, after a short unmeasured run at its first rate (JIT, pools, topic metadata).
    if (warmUp > 0) {
      progress(`warm-up: ${RATES[0]}/s for 5 s`);
      await step(url, token, db, RATES[0], 5);
    }
    const steps: Step[] = [];
    const climb = async (rate: number): Promise<boolean> => {
      const result = await step(url, token, db, rate, STEP_SECONDS);
      steps.push(result);
      progress(
        `${rate}/s for ${STEP_SECONDS} s: ${result.held ? 'held' : 'NOT held'}, backlog at the end ${result.backlog}, ` +
          `errors ${result.errors}, 201 in p50 ${result.httpP50} ms p99 ${result.httpP99} ms` +
          (result.firstError ? ` (first error: ${result.firstError})` : ''),
      );
      return result.held;
    };
    for (const [i, rate] of RATES.entries()) {
      if (await climb(rate)) continue;
      // One step between the last that held and the first that did not, for a finer figure.
      const previous = RATES[i - 1];
      const middle = previous === undefined ? undefined : Math.round((previous + rate) / 2);
      if (middle !== undefined && middle > previous && middle < rate) await climb(middle);
      break;
    }
    const sustained = Math.max(0, ...steps.filter((s) => s.held).map((s) => s.rate));
    const latencyRate = Math.max(1, Math.floor((sustained || RATES[0]) / 2));

    // 2. and 3. Latency rounds at half the sustained rate, alternated with the anchors.
    const seen = new Map<string, number>();
    await watchInbox(db, listener, (name, at) => seen.set(name, at));
    const produced = new Map<string, number>();
    await tap.connect();
    await tap.subscribe({ topics: [topicName(topicPrefix, 'c2c.cities.v1')], fromBeginning: false });
    const tapJoined = new Promise<void>((resolve) => tap.on(tap.events.GROUP_JOIN, () => resolve()));
    await tap.run({
      eachMessage: async ({ message }) => {
        const name = (JSON.parse(message.value?.toString() ?? '{}') as { name?: unknown }).name;
        if (typeof name === 'string') produced.set(name, Number(message.timestamp));
        await Promise.resolve();
      },
    });
    await tapJoined;

    await db.query(`create table public.e2e_anchor_rows (id uuid primary key, name text not null,
      created_at timestamptz not null default now())`);
    await db.query(`create table public.e2e_anchor_outbox (id bigint generated always as identity primary key,
      event_id uuid not null, aggregate_id uuid not null, payload jsonb not null,
      created_at timestamptz not null default now())`);
    const anchorTopic = `bench-e2e-anchor-${randomBytes(3).toString('hex')}`;
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [{ topic: anchorTopic, numPartitions: 3 }]);
    await admin.disconnect();
    const consumed = { count: 0 };
    await anchorConsumer.connect();
    await anchorConsumer.subscribe({ topics: [anchorTopic], fromBeginning: true });
    const joined = new Promise<void>((resolve) =>
      anchorConsumer.on(anchorConsumer.events.GROUP_JOIN, () => resolve()),
    );
    await anchorConsumer.run({
      eachBatch: async ({ batch }) => {
        consumed.count += batch.messages.length;
        await Promise.resolve();
      },
    });
    await joined;
    const barePort = await freePort();
    bare = await startServer(
      'bare Fastify',
      'dist/apps/platform-e2e/benchmarks/end-to-end-bare-fastify.js',
      barePort,
      {},
    );
    const bareUrl = `${bare.base}/api/v1/cities`;

    const p50s: number[] = [];
    const relayParts: number[] = [];
    const onwardParts: number[] = [];
    const result = await alternate(
      {
        latency: async () => {
          const value = await latency(url, token, seen, produced, latencyRate);
          p50s.push(value.p50);
          relayParts.push(...value.relay);
          onwardParts.push(...value.onward);
          return value.p99;
        },
        fastify: async () => {
          const answer = await inWorker<ClosedLoopResult>({
            mode: 'closed',
            url: bareUrl,
            token,
            connections: 32,
            seconds: ANCHOR_SECONDS,
          });
          if (answer.errors > 0) throw new Error(`bare Fastify: ${answer.firstError}`);
          return answer.perSecond;
        },
        postgres: async () => Math.round((await rawPostgres(db)) / 2),
        kafka: () => rawKafka(kafka, anchorTopic, consumed),
      },
      {
        rounds,
        warmUp,
        onSample: (target, round, value) =>
          progress(`round ${round}/${rounds} ${target} ${value}${target === 'latency' ? ' ms p99' : '/s'}`),
      },
    );

    const anchors = [
      { label: 'bare Fastify, the same POST (closed loop, 32 connections)', summary: result.fastify },
      {
        label: `raw pg two-insert transactions ÷ 2 (${PG_CONNECTIONS} connections)`,
        summary: result.postgres,
      },
      {
        label: `raw kafkajs produce + consume (${KAFKA_EVENTS.toLocaleString('en-US')} records)`,
        summary: result.kafka,
      },
    ].sort((a, b) => a.summary.median - b.summary.median);
    const p99 = result.latency;
    return {
      figures: [
        figure({
          id: 'end-to-end.sustained',
          label: `city registrations sustained for ${STEP_SECONDS} s, inbox within ${LAG_SECONDS} s`,
          unit: 'ops/s',
          better: 'higher',
          measured: summarize([sustained]),
          anchors,
          target: (ratio) => ({
            text: `≥ ${RATIO_TARGET}× the slowest anchor`,
            met: (ratio ?? 0) >= RATIO_TARGET,
          }),
        }),
        figure({
          id: 'end-to-end.latency.p50',
          label: `201 → inbox row p50 at ${latencyRate}/s`,
          unit: 'ms',
          better: 'lower',
          measured: summarize(p50s.slice(-rounds)),
          anchors: [],
        }),
        figure({
          id: 'end-to-end.latency.p99',
          label: `201 → inbox row p99 at ${latencyRate}/s`,
          unit: 'ms',
          better: 'lower',
          measured: p99,
          anchors: [],
          target: () => ({ text: `≤ ${P99_TARGET_MS} ms`, met: p99.median <= P99_TARGET_MS }),
        }),
      ],
      notes: [
        `The ladder (one per run, ${STEP_SECONDS} s a step; a step holds with ≤ 0.1 % non-201 answers and at most ${LAG_SECONDS} s of requests not yet in the inbox at its end): ${steps
          .map(
            (s) =>
              `${s.rate}/s ${s.held ? 'held' : 'not held'} (backlog ${s.backlog}, 201 p99 ${s.httpP99} ms)`,
          )
          .join('; ')}.`,
        `Every app in its own process from the swc build, logging at ${LOG_LEVEL} to stdout (discarded); partnerships and commissions consume the city events too; the notifier's e-mail sending is off (no mail server). Load from undici in a worker thread, open loop, up to ${CONNECTIONS} connections; all on one machine with PostgreSQL and Kafka.`,
        `Latency: from the client's 201 to the commit of the inbox row (a trigger's NOTIFY, delivered at commit, to a listener in the benchmark process), ${LATENCY_SECONDS} s per round at half the sustained rate.`,
        `Where the latency goes, over every command of the latency rounds, warm-up included (${relayParts.length.toLocaleString('en-US')} split by their record's CreateTime, set as the relay's producer sends): 201 → produced by the relay p50 ${Math.round(percentile(relayParts, 50))} ms, p99 ${Math.round(percentile(relayParts, 99))} ms; produced → inbox row committed by the notifier p50 ${Math.round(percentile(onwardParts, 50))} ms, p99 ${Math.round(percentile(onwardParts, 99))} ms.`,
        `The anchors are each measured alone (not under the platform's load) and the ratio is to the slowest: ${anchors[0]?.label}.`,
      ],
    };
  } finally {
    await anchorConsumer.disconnect().catch(() => undefined);
    await tap.disconnect().catch(() => undefined);
    await listener.end().catch(() => undefined);
    await db.end();
    await bare?.stop();
    for (const app of [...APPS].reverse()) await platform[app]?.stop();
    await database.drop();
  }
});
