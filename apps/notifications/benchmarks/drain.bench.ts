/**
 * Notifications drain benchmark (`npm run bench -- notifications`): N contract events already on the
 * topic, drained by the notifications service (validate, inbox dedup, audiences, templates, one inbox
 * row per audience, one e-mail outbox row) beside an anchor measured in the same run, on the same
 * broker, database and records: a raw kafkajs eachBatch consumer writing the same inbox rows with one
 * multi-row insert per batch, which is what one would write by hand without the platform's guarantees.
 * Rounds alternate; each starts from the beginning of the topic with a fresh group and empty tables.
 *
 *   env (quick profile; the full one in brackets): EVENTS=3000 [10000]  BENCH_ROUNDS=5  BENCH_WARM_UP=1
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { EventData } from '@c2c/contracts';
import { ServiceWorld } from '@c2c/service/testing';
import { Client } from 'pg';
import { alternate, benchmarkMain, benchSize, figure, prepareTestInfrastructure } from '@c2c/testing';
import { NOTIFICATIONS, startNotifications } from '../test/support/notifications';

const EVENTS = benchSize('EVENTS', { quick: 3_000, full: 10_000 });
const PARTNERSHIPS = 500;
/** Inbox rows per event: the two cities of the partnership and the secretariat. */
const ROWS_PER_EVENT = 3;

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

const proposal = (partnershipId: string, n: number): EventData<'c2c.partnership.proposed.v1'> => ({
  partnership: {
    partnershipId,
    type: 'sister-city',
    title: `Partnership ${n}`,
    status: 'proposed',
    participants: [
      { cityId: randomUUID(), name: 'Surabaya', countryCode: 'ID', role: 'proposer', acceptedAt: null },
      { cityId: randomUUID(), name: 'Kitakyushu', countryCode: 'JP', role: 'partner', acceptedAt: null },
    ],
    cooperationAreas: ['environment-and-climate'],
    sdgTags: [11],
    startDate: null,
    endDate: null,
  },
});

/** The backlog: N events through the partnerships outbox and relay, as the service would publish. */
async function publishBacklog(world: ServiceWorld, topic: string): Promise<void> {
  const publisher = await world.publisherFor('partnerships');
  const keys = Array.from({ length: PARTNERSHIPS }, () => randomUUID());
  for (let n = 0; n < EVENTS; n += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, EVENTS - n) }, (_, i) => {
        const key = keys[(n + i) % PARTNERSHIPS] ?? randomUUID();
        return publisher.publish('c2c.partnership.proposed.v1', key, proposal(key, n + i));
      }),
    );
  }
  const admin = world.kafka.admin();
  await admin.connect();
  const onTopic = async () =>
    (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  await until(async () => (await onTopic()) >= EVENTS, 'the backlog');
  await admin.disconnect();
}

/** Raw kafkajs, one multi-row insert of the same three inbox rows per event, per batch. */
async function rawAnchor(world: ServiceWorld, topic: string): Promise<number> {
  await world.sql('truncate public.anchor_inbox');
  // One connection held for the whole run, as a hand-written consumer would.
  const anchorDb = new Client({ connectionString: world.database.adminUrl });
  await anchorDb.connect();
  const consumer = world.kafka.consumer({ groupId: `anchor-${randomUUID()}`, maxWaitTimeInMs: 50 });
  let anchored = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const started = now();
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const rows: string[] = [];
      const params: unknown[] = [];
      for (const message of batch.messages) {
        const data = JSON.parse(
          message.value?.toString() ?? '{}',
        ) as EventData<'c2c.partnership.proposed.v1'>;
        const id = message.headers?.ce_id?.toString() ?? randomUUID();
        const audiences = [...data.partnership.participants.map((p) => `city:${p.cityId}`), 'secretariat'];
        for (const audience of audiences) {
          params.push(randomUUID(), id, audience, `Partnership proposed: ${data.partnership.title}`);
          const at = params.length;
          rows.push(`($${at - 3}, $${at - 2}, $${at - 1}, $${at})`);
        }
      }
      if (rows.length > 0) {
        await anchorDb.query(
          `insert into public.anchor_inbox (id, event_id, audience, subject) values ${rows.join(', ')}
           on conflict do nothing`,
          params,
        );
      }
      anchored += batch.messages.length;
    },
  });
  await until(() => Promise.resolve(anchored >= EVENTS), 'the anchor');
  const ms = now() - started;
  await consumer.disconnect();
  await anchorDb.end();
  return perSecond(EVENTS, ms);
}

interface ServiceRound {
  perSecond: number;
  startMs: number;
  emails: number;
  peakRss: number;
}

/**
 * Ours: the notifications service, its scheduler off, draining the same backlog from the start. Each
 * round gets an empty schema and a new consumer group (the service's group id is fixed by its name).
 */
async function serviceDrain(world: ServiceWorld): Promise<ServiceRound> {
  await world.sql(`drop schema if exists ${NOTIFICATIONS.database.schema} cascade`);
  const admin = world.kafka.admin();
  await admin.connect();
  await admin.deleteGroups([`${world.topicPrefix}notifications`]).catch(() => undefined);
  await admin.disconnect();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const started = now();
  const app = await startNotifications(world, {
    DELIVERY_INTERVAL_MS: '0',
    CITY_MODEL_REBUILD_ON_EMPTY: 'false',
  });
  const startMs = now() - started;
  const inboxRows = async () =>
    (await world.sql<{ n: number }>('select count(*)::int as n from notifications.inbox_entries'))[0]?.n ?? 0;
  await until(async () => (await inboxRows()) >= EVENTS * ROWS_PER_EVENT, 'the notifications service');
  const ms = now() - started;
  clearInterval(sampler);
  const emails =
    (await world.sql<{ n: number }>('select count(*)::int as n from notifications.email_deliveries'))[0]?.n ??
    0;
  await world.stop(app);
  return { perSecond: perSecond(EVENTS, ms), startMs, emails, peakRss };
}

benchmarkMain('notifications', async ({ rounds, warmUp, progress }) => {
  prepareTestInfrastructure();
  const world = await ServiceWorld.create('bench-notifications');
  try {
    await world.ensureTopics('c2c.cities.v1', 'c2c.partnerships.v1', 'c2c.commissions.v1');
    const topic = world.topic('c2c.partnerships.v1');
    progress(`publishing ${EVENTS} events through the partnerships outbox and relay`);
    await publishBacklog(world, topic);
    await world.sql(`create table if not exists public.anchor_inbox (
      id uuid primary key, event_id text not null, audience text not null, subject text not null,
      unique (event_id, audience))`);

    const service: ServiceRound[] = [];
    const result = await alternate(
      {
        service: async () => {
          const round = await serviceDrain(world);
          service.push(round);
          return round.perSecond;
        },
        raw: () => rawAnchor(world, topic),
      },
      {
        rounds,
        warmUp,
        onSample: (target, round, value) => progress(`round ${round}/${rounds} ${target} ${value} ev/s`),
      },
    );
    // The service's rounds as measured (the warm-up ones first), for the notes.
    const measured = service.slice(-rounds);
    const peakMb = Math.round(Math.max(...measured.map((r) => r.peakRss)) / 2 ** 20);
    const startMs = Math.round(Math.max(...measured.map((r) => r.startMs)));
    return {
      figures: [
        figure({
          id: 'notifications.drain',
          label: `drain of ${EVENTS.toLocaleString('en-US')} partnership proposals into the inbox`,
          unit: 'ev/s',
          better: 'higher',
          measured: result.service,
          anchors: [{ label: 'raw kafkajs eachBatch, one multi-row insert', summary: result.raw }],
        }),
      ],
      notes: [
        `${EVENTS.toLocaleString('en-US')} \`c2c.partnership.proposed.v1\` events over ${PARTNERSHIPS} partnerships, published through the partnerships outbox and relay, read from the beginning of the topic by a fresh group each round.`,
        `The service's figure counts from its start (at most ${startMs} ms of it) until the ${(EVENTS * ROWS_PER_EVENT).toLocaleString('en-US')}th inbox row is committed; its scheduler is off, so ${measured[0]?.emails ?? 0} e-mails wait queued. The anchor writes the same three inbox rows per event with one insert per batch: no validation, consumer inbox, dead letters, templates, e-mail or webhook outboxes.`,
        `Peak RSS of the benchmark process while the service drained: ${peakMb} MB (the publisher, the anchor, the transpiler and the service together, not the service alone).`,
      ],
    };
  } finally {
    await world.close();
  }
});
