// After the faults: waits for the platform to drain (consumer lag 0, outboxes empty, nothing due to
// send) and measures how long that took, then checks every recorded command against what it promises
// (DESIGN.md, "Events" and "Delivery guarantees"; the audiences of apps/notifications).
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from '../infra/config.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const { Kafka, logLevel } = require('kafkajs');

const TOPICS = ['c2c.cities.v1', 'c2c.partnerships.v1', 'c2c.commissions.v1'];

export const kafkaClient = (brokers) =>
  new Kafka({
    clientId: 'c2c-faults',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 3 },
  });

/** Per consumer group of the platform: the messages it has not committed yet, over its topics. */
export async function consumerLag(kafka) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith('c2c.'));
    const high = new Map();
    for (const topic of topics)
      for (const p of await admin.fetchTopicOffsets(topic))
        high.set(`${topic}/${p.partition}`, Number(p.high));
    const lag = {};
    for (const { groupId } of groups) {
      if (groupId.includes('dlq-reader') || groupId.startsWith('c2c-faults')) continue;
      let total = 0;
      for (const entry of await admin.fetchOffsets({ groupId, topics })) {
        // A topic the group has no offset on at all is one it does not read.
        if (entry.partitions.every((p) => Number(p.offset) < 0)) continue;
        for (const p of entry.partitions) {
          const end = high.get(`${entry.topic}/${p.partition}`) ?? 0;
          total += Math.max(0, end - Math.max(Number(p.offset), 0));
        }
      }
      lag[groupId] = total;
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

/** What is still waiting to leave a service: outbox rows, e-mails and webhooks due. */
async function pending(platform) {
  const [row] = await platform.query(`select
      (select count(*) from cities.outbox)::int as cities_outbox,
      (select count(*) from partnerships.outbox)::int as partnerships_outbox,
      (select count(*) from commissions.outbox)::int as commissions_outbox,
      (select count(*) from notifications.email_deliveries where status = 'pending')::int as emails,
      (select count(*) from notifications.webhook_deliveries where status = 'pending')::int as webhooks`);
  return row;
}

/** Polls until everything is drained; returns the seconds it took, or null past the bound. */
export async function awaitRecovery(platform, kafka, boundSeconds, log) {
  const started = Date.now();
  let last;
  while (Date.now() - started < boundSeconds * 1000) {
    try {
      const [lag, waiting] = [await consumerLag(kafka), await pending(platform)];
      last = { lag, waiting };
      const lagTotal = Object.values(lag).reduce((a, b) => a + b, 0);
      const waitingTotal = Object.values(waiting).reduce((a, b) => a + b, 0);
      if (lagTotal === 0 && waitingTotal === 0 && Object.keys(lag).length >= 3)
        return { seconds: (Date.now() - started) / 1000, last };
    } catch (error) {
      last = { error: error.message };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log(`not drained within ${boundSeconds} s: ${JSON.stringify(last)}`);
  return { seconds: null, last };
}

/** Every message on the platform's topics (and dead-letter topics), read to the high watermark. */
export async function readTopics(kafka) {
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((t) => TOPICS.includes(t) || t.startsWith('c2c.dlq.'));
  const ends = {};
  for (const topic of topics) ends[topic] = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Set(
    Object.entries(ends).flatMap(([topic, parts]) =>
      parts.filter((p) => Number(p.high) > 0).map((p) => `${topic}/${p.partition}`),
    ),
  );
  const messages = [];
  if (remaining.size === 0) return messages;
  const consumer = kafka.consumer({ groupId: `c2c-faults-reader-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  const done = new Promise((resolve) => {
    void consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const header = (name) => message.headers?.[name]?.toString();
        messages.push({
          topic,
          partition,
          offset: Number(message.offset),
          key: message.key?.toString(),
          id: header('ce_id'),
          type: header('ce_type'),
          subject: header('ce_subject'),
          sequence: Number(header('ce_sequence') ?? header('ce_c2csequence') ?? NaN),
          value: message.value?.toString() ?? '',
        });
        const high = Number(ends[topic].find((p) => p.partition === partition).high);
        if (Number(message.offset) + 1 >= high) remaining.delete(`${topic}/${partition}`);
        if (remaining.size === 0) resolve();
      },
    });
  });
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error('topics not read to their end within 60 s')), 60_000),
  );
  try {
    await Promise.race([done, timeout]);
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

// Who notifications tells of each event (apps/notifications/src/audiences/audience-table.ts), and
// whom it e-mails: each city audience's contact officer, and the secretariat's mailbox.
const AUDIENCES = {
  'c2c.city.registered.v1': { audiences: 1, emails: (cities) => 1 + 0 * cities },
  'c2c.partnership.proposed.v1': { audiences: 3, emails: (cities) => cities + 1 },
  'c2c.partnership.accepted.v1': { audiences: 2, emails: (cities) => cities },
  'c2c.partnership.activated.v1': { audiences: 3, emails: (cities) => cities + 1 },
  'c2c.commission.membership-requested.v1': { audiences: 3, emails: (cities) => cities + 1 },
  'c2c.best-practice.submitted.v1': { audiences: 2, emails: (cities) => cities + 1 },
  'c2c.best-practice.published.v1': { audiences: 2, emails: (cities) => cities + 1 },
};

/** The events a 2xx of each kind promises: [type, how to find them among the messages]. */
const PROMISED = {
  city: (c) => [['c2c.city.registered.v1', (m) => m.subject === c.answer.id]],
  partnership: (c) => [['c2c.partnership.proposed.v1', (m) => m.subject === c.answer.id]],
  acceptance: (c) => [
    ['c2c.partnership.accepted.v1', (m) => m.subject === c.partnershipId && m.value.includes(c.body.cityId)],
    ['c2c.partnership.activated.v1', (m) => m.subject === c.partnershipId],
  ],
  membership: (c) => [['c2c.commission.membership-requested.v1', (m) => m.value.includes(c.answer.id)]],
  practice: (c) => [['c2c.best-practice.submitted.v1', (m) => m.subject === c.answer.id]],
  publication: (c) => [['c2c.best-practice.published.v1', (m) => m.subject === c.practiceId]],
};

/** Rows carrying a command's marker: one for a 2xx creation, none for a refusal. */
async function markedRows(platform, command) {
  const count = async (sql) => (await platform.query(sql, [command.marker]))[0].n;
  switch (command.kind) {
    case 'city':
    case 'invalid-city':
      return count('select count(*)::int as n from cities.cities where name = $1');
    case 'partnership':
    case 'invalid-partnership':
      return count('select count(*)::int as n from partnerships.partnerships where title = $1');
    case 'membership':
      return count('select count(*)::int as n from commissions.membership_requests where motivation = $1');
    case 'practice':
      return count('select count(*)::int as n from commissions.best_practices where title = $1');
    default:
      return undefined;
  }
}

/**
 * Checks every command. Returns the tallies and a list of findings (each lost or doubled effect,
 * each refused command that left a trace, each ordering violation, each dead letter).
 */
export async function reconcile({ platform, records, messages, webhook, smtp, subscriptions, poison }) {
  const findings = [];
  const tally = { verified: 0, lost: 0, doubled: 0, redelivered: 0, ambiguous: 0, poisoned: 0 };
  const problem = (what, kind, command, detail) => {
    tally[kind]++;
    findings.push({ kind, what, command: command?.key, commandKind: command?.kind, detail });
  };
  const ok = () => tally.verified++;
  const poisoned = new Set(poison.ids);
  const platformMessages = messages.filter((m) => !m.topic.startsWith('c2c.dlq.') && !poisoned.has(m.id));

  // Per aggregate, in offset order, each event id's first copy comes with a higher sequence than the
  // one before: a later copy of the same id is a redelivery (at-least-once), never an effect.
  const seen = new Map();
  const byKey = new Map();
  for (const m of [...platformMessages].sort((a, b) => a.offset - b.offset)) {
    seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
    if (seen.get(m.id) > 1) continue;
    const k = `${m.topic}/${m.key}`;
    const before = byKey.get(k);
    if (before !== undefined && !(m.sequence > before))
      problem('event out of order in its aggregate', 'doubled', null, {
        key: m.key,
        type: m.type,
        sequence: m.sequence,
        before,
      });
    byKey.set(k, m.sequence);
  }
  tally.redelivered += [...seen.values()].filter((n) => n > 1).reduce((a, n) => a + n - 1, 0);

  // The only dead letters allowed are the poison's: each of them in the dead-letter topic of every
  // group that reads the cities topic (once; a second copy is a redelivery of the dead letter).
  const dead = messages.filter((m) => m.topic.startsWith('c2c.dlq.'));
  for (const m of dead)
    if (!poisoned.has(m.id)) problem('dead letter', 'lost', null, { topic: m.topic, type: m.type, id: m.id });
  for (const group of poison.groups)
    for (const id of poison.ids) {
      const letters = dead.filter((m) => m.topic === `c2c.dlq.${group}` && m.id === id).length;
      if (letters === 0) problem('poison not dead-lettered', 'lost', null, { group, id });
      else {
        tally.poisoned++;
        tally.redelivered += letters - 1;
        ok();
      }
    }

  const inbox = new Map(
    (
      await platform.query(
        'select event_id::text as id, count(*)::int as n from notifications.inbox_entries group by event_id',
      )
    ).map((r) => [r.id, r.n]),
  );
  const emails = await platform.query(
    `select id::text, event_id::text, status from notifications.email_deliveries`,
  );
  const emailsByEvent = Map.groupBy(emails, (e) => e.event_id);
  const smtpById = Map.groupBy(smtp.received, (r) => r.messageId);
  const deliveries = await platform.query(
    `select id::text, subscription_id::text as sub, event_id::text, status from notifications.webhook_deliveries`,
  );
  const deliveriesByEvent = Map.groupBy(deliveries, (d) => d.event_id);
  const receivedByEvent = Map.groupBy(webhook.received, (r) => r.eventId);
  const partnershipCityModel = new Set(
    (await platform.query('select city_id::text as id from partnerships.cities')).map((r) => r.id),
  );

  for (const command of records) {
    const accepted = command.status >= 200 && command.status < 300;
    const refused = command.status >= 400 && command.status < 500;
    const failedBefore = command.attempts.slice(0, -1).some((s) => s === 0 || s >= 500);
    const rows = await markedRows(platform, command);
    const eventsWithMarker = platformMessages.filter((m) => m.value.includes(`"${command.marker}"`));

    if (refused) {
      // A refusal after an attempt that got no answer may follow that attempt's success (the answer
      // was lost): at most one effect then, never two.
      if (failedBefore && !command.kind.startsWith('invalid')) {
        tally.ambiguous++;
        if (rows > 1) problem('a retried command took effect twice', 'doubled', command, { rows });
        continue;
      }
      if (rows > 0) problem('a refused command left rows', 'doubled', command, { rows });
      else if (command.kind.startsWith('invalid') && eventsWithMarker.length > 0)
        problem('a refused command left events', 'doubled', command, { events: eventsWithMarker.length });
      else ok();
      continue;
    }
    if (!accepted) {
      problem('no final answer', 'lost', command, { status: command.status, attempts: command.attempts });
      continue;
    }
    if (command.kind.startsWith('invalid')) {
      problem('bad input accepted', 'doubled', command, { status: command.status });
      continue;
    }
    if (rows !== undefined) {
      if (rows === 0) problem('row missing', 'lost', command, {});
      else if (rows > 1) problem('one command, several rows', 'doubled', command, { rows });
      else ok();
    }
    for (const [type, matches] of PROMISED[command.kind](command)) {
      const ids = [
        ...new Set(platformMessages.filter((m) => m.type === type && matches(m)).map((m) => m.id)),
      ];
      if (ids.length === 0) {
        problem(`event ${type} missing`, 'lost', command, {});
        continue;
      }
      if (ids.length > 1) problem(`event ${type} emitted ${ids.length} times`, 'doubled', command, { ids });
      else ok();
      const expect = AUDIENCES[type];
      for (const id of ids) {
        const entries = inbox.get(id) ?? 0;
        if (entries !== expect.audiences)
          problem(`inbox entries for ${type}`, entries < expect.audiences ? 'lost' : 'doubled', command, {
            entries,
            expected: expect.audiences,
          });
        else ok();
        const mails = emailsByEvent.get(id) ?? [];
        const wanted = expect.emails((command.cityIds ?? []).length);
        if (mails.length !== wanted || mails.some((e) => e.status !== 'sent'))
          problem(`e-mails for ${type}`, mails.length > wanted ? 'doubled' : 'lost', command, {
            mails: mails.length,
            wanted,
            pending: mails.filter((e) => e.status !== 'sent').length,
          });
        else ok();
        for (const mail of mails) {
          const arrived = smtpById.get(`<${mail.id}@notifications.c2c>`)?.length ?? 0;
          if (arrived === 0) problem(`e-mail for ${type} never arrived`, 'lost', command, { mail: mail.id });
          else {
            tally.redelivered += arrived - 1;
            ok();
          }
        }
        const subs = subscriptions.filter((s) => s.types.includes(type));
        const rowsOf = deliveriesByEvent.get(id) ?? [];
        const arrivals = receivedByEvent.get(id) ?? [];
        for (const sub of subs) {
          const row = rowsOf.filter((d) => d.sub === sub.id);
          const got = arrivals.filter((r) => r.path === sub.path);
          const webhookIds = new Set(got.map((r) => r.webhookId));
          if (row.length !== 1 || row[0].status !== 'delivered' || got.length === 0)
            problem(`webhook delivery of ${type}`, 'lost', command, {
              rows: row.length,
              status: row[0]?.status,
              arrived: got.length,
            });
          else if (webhookIds.size > 1)
            problem(`webhook ${type} delivered under ${webhookIds.size} ids`, 'doubled', command, {});
          else {
            tally.redelivered += got.length - 1;
            ok();
          }
        }
      }
    }
    if (command.kind === 'city') {
      if (!partnershipCityModel.has(command.answer.id))
        problem('city missing from the partnerships city model', 'lost', command, {});
      else ok();
    }
  }
  return { tally, findings };
}
