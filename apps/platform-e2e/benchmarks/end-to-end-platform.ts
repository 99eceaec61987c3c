/**
 * What the end-to-end benchmark and the soak share: the whole platform spawned from dist/ on a run's
 * own database and topics, the load generator's worker, and the secretariat's inbox rows that tell
 * when a city registration has gone all the way through.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createKafka, ensureTopics, topicName } from '@c2c/messaging';
import { provisionServiceDatabase, serviceDatabaseUrl, type ServiceDatabaseSpec } from '@c2c/persistence';
import { freePort, testKafkaBrokers } from '@c2c/testing';
import type { Client, Pool } from 'pg';
// The platform's benchmarks share one way to build, spawn and log in (the gateway's benchmark support);
// benchmarks have no published entry point, so this one reaches it by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startServer, type ServerProcess } from '../../gateway/benchmarks/support';
import type { ClosedLoopSpec, OpenLoopSpec } from './end-to-end-load.worker';

export const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const REVOCATION_SECRET = 'benchmark-only-revocation-feed-secret-00000000';
/** The subject of the secretariat's inbox row for a city registration: this, then the city's name. */
export const SUBJECT = 'New city on the platform: ';

// `npm start`'s order: the services first, the gateway (which forwards to them) last.
export const APPS = ['cities', 'partnerships', 'commissions', 'notifications', 'gateway'] as const;
export type AppName = (typeof APPS)[number];

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

export function inWorker<R>(spec: OpenLoopSpec | ClosedLoopSpec): Promise<R> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'end-to-end-load.worker.ts'), {
      execArgv: ['-r', '@swc-node/register'],
      workerData: spec,
    });
    worker.once('message', (result: R) => resolve(result));
    worker.once('error', reject);
  });
}

/** The platform: every app spawned from dist/ as tools/start.mjs does, on this run's database and topics. */
export async function startPlatform(
  adminUrl: string,
  topicPrefix: string,
): Promise<Record<AppName, ServerProcess>> {
  const specs = Object.fromEntries(
    APPS.map((app) => [
      app,
      {
        schema: app,
        role: `c2c_bench_e2e_${app}`,
        password: `bench-${app}`,
        ...(app === 'cities' ? { extensions: ['pg_trgm'] } : {}),
      } satisfies ServiceDatabaseSpec,
    ]),
  ) as Record<AppName, ServiceDatabaseSpec>;
  for (const app of APPS) await provisionServiceDatabase(adminUrl, specs[app]);
  const ports = {} as Record<AppName, number>;
  for (const app of APPS) ports[app] = await freePort();
  const urls = Object.fromEntries(
    APPS.map((app) => [`${app.toUpperCase()}_URL`, `http://127.0.0.1:${ports[app]}`]),
  );
  const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'bench-e2e-setup' });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(
    admin,
    ['c2c.cities.v1', 'c2c.partnerships.v1', 'c2c.commissions.v1'].map((topic) => ({
      topic: topicName(topicPrefix, topic),
    })),
  );
  await admin.disconnect();
  const started = {} as Record<AppName, ServerProcess>;
  for (const app of APPS) {
    started[app] = await startServer(app, `dist/apps/${app}/src/main.js`, ports[app], {
      NODE_ENV: 'development',
      ALLOW_LOCAL_DEFAULTS: 'true',
      LOG_LEVEL,
      DATABASE_URL: serviceDatabaseUrl(adminUrl, specs[app]),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      REVOCATION_FEED_SECRET: REVOCATION_SECRET,
      AUTH_REVOCATION_SECRET: REVOCATION_SECRET,
      // The gateway's per-client limits are not what is measured: one client sends all the load.
      RATE_LIMIT_PER_IP: '1000000000',
      RATE_LIMIT_PER_USER: '1000000000',
      IDEMPOTENCY_KEYS_PER_USER: '1000000',
      TOKEN_TTL_SECONDS: '3600',
      // No mail server here: the e-mail outbox fills (with the inbox) and is not sent.
      DELIVERY_INTERVAL_MS: '0',
      ...urls,
    });
  }
  return started;
}

/** The secretariat's inbox rows of city registrations so far. */
export async function inboxCount(db: Pool): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from notifications.inbox_entries where event_type = 'c2c.city.registered.v1'",
  );
  return rows[0]?.n ?? 0;
}

/** A name prefix no other load used: `Bench ` and eight letters (a city's name has no digits). */
export const namePrefix = (): string =>
  `Bench ${randomBytes(4)
    .toString('hex')
    .replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)])}`;

/**
 * Calls `onSeen(name, at)` as each city registration's inbox row commits: a trigger on the service's
 * table (in this run's database) NOTIFYs, delivered at commit, to `listener`. A NOTIFY takes a lock at
 * commit, so install it only once what must run without it is done.
 */
export async function watchInbox(
  db: Pool,
  listener: Client,
  onSeen: (name: string, at: number) => void,
): Promise<void> {
  await db.query(`create or replace function public.bench_inbox_seen() returns trigger language plpgsql as $$
      begin perform pg_notify('bench_inbox', new.subject); return null; end $$`);
  await db.query(`create trigger bench_inbox_seen after insert on notifications.inbox_entries
      for each row execute function public.bench_inbox_seen()`);
  await listener.connect();
  listener.on('notification', (message) => {
    if (message.payload?.startsWith(SUBJECT)) onSeen(message.payload.slice(SUBJECT.length), Date.now());
  });
  await listener.query('listen bench_inbox');
}
