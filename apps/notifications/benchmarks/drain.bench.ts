/**
 * Notifications drain benchmark (a script, not a test): N contract events already on the topic, drained
 * by the notifications service (validate, inbox dedup, audiences, templates, one inbox row per audience,
 * one e-mail outbox row) beside an anchor measured in the same run, on the same broker and database:
 * a raw kafkajs eachBatch consumer writing the same inbox rows with one multi-row insert per batch,
 * which is what one would write by hand without the platform's guarantees.
 *
 *   npm run bench:notifications          (EVENTS=10000 by default)
 *
 * Prints events/s of each, their ratio, and the process's peak RSS while the service drained.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { EventData } from '@c2c/contracts';
import { ServiceWorld } from '@c2c/service/testing';
import { Client } from 'pg';
import { prepareTestInfrastructure } from '@c2c/testing';
import { startNotifications } from '../test/support/notifications';

const EVENTS = Number(process.env.EVENTS ?? 10_000);
const PARTNERSHIPS = 500;

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

async function main(): Promise<void> {
  prepareTestInfrastructure();
  const world = await ServiceWorld.create('bench-notifications');
  try {
    await world.ensureTopics('c2c.cities.v1', 'c2c.partnerships.v1', 'c2c.commissions.v1');
    const topic = world.topic('c2c.partnerships.v1');

    // 1. The backlog: N events through the partnerships outbox and relay, as the service would publish.
    const publisher = await world.publisherFor('partnerships');
    const keys = Array.from({ length: PARTNERSHIPS }, () => randomUUID());
    const started = now();
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
    console.log(`backlog: ${EVENTS} events on ${topic} in ${Math.round(now() - started)} ms`);

    // 2. Anchor: raw kafkajs, one multi-row insert of the same three inbox rows per event, per batch.
    await world.sql(`create table if not exists public.anchor_inbox (
      id uuid primary key, event_id text not null, audience text not null, subject text not null,
      unique (event_id, audience))`);
    // One connection held for the whole run, as a hand-written consumer would.
    const anchorDb = new Client({ connectionString: world.database.adminUrl });
    await anchorDb.connect();
    const consumer = world.kafka.consumer({ groupId: `anchor-${randomUUID()}`, maxWaitTimeInMs: 50 });
    let anchored = 0;
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const anchorStart = now();
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
    const anchorMs = now() - anchorStart;
    await consumer.disconnect();
    await anchorDb.end();

    // 3. Ours: the notifications service, its scheduler off, draining the same backlog from the start.
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const oursStart = now();
    const app = await startNotifications(world, {
      DELIVERY_INTERVAL_MS: '0',
      CITY_MODEL_REBUILD_ON_EMPTY: 'false',
    });
    const readyMs = now() - oursStart;
    const inboxRows = async () =>
      (await world.sql<{ n: number }>('select count(*)::int as n from notifications.inbox_entries'))[0]?.n ??
      0;
    await until(async () => (await inboxRows()) >= EVENTS * 3, 'the notifications service');
    const oursMs = now() - oursStart;
    clearInterval(sampler);
    const emails =
      (await world.sql<{ n: number }>('select count(*)::int as n from notifications.email_deliveries'))[0]
        ?.n ?? 0;
    await world.stop(app);

    const ours = perSecond(EVENTS, oursMs);
    const anchor = perSecond(EVENTS, anchorMs);
    console.log(`anchor (raw kafkajs, batched insert): ${anchor} events/s (${Math.round(anchorMs)} ms)`);
    console.log(
      `notifications service: ${ours} events/s (${Math.round(oursMs)} ms, of which ${Math.round(readyMs)} ms ` +
        `starting; ${perSecond(EVENTS, oursMs - readyMs)} events/s once started), ` +
        `${EVENTS * 3} inbox entries, ${emails} e-mails queued`,
    );
    console.log(`ratio ours/anchor: ${(ours / anchor).toFixed(2)}×`);
    console.log(`peak RSS while draining: ${Math.round(peakRss / 1024 / 1024)} MB`);
  } finally {
    await world.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
