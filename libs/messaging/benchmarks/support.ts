/** What the messaging benchmarks share: the outbox fill, the effect count and a bounded wait. */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
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
