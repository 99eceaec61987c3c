/**
 * The offered load for the latency benchmark, in its own thread so that generating it does not steal
 * the relay's event loop: one transaction per event at a fixed rate, each writing through the Outbox.
 */
// A worker has its own globals: the decorators its imports run need their metadata API here too.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import { Outbox } from '../src';
import { cityArchived, SCHEMA } from '../test/support/messaging-harness';

interface LoadSpec {
  databaseUrl: string;
  rate: number;
  count: number;
}

async function main({ databaseUrl, rate, count }: LoadSpec): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 16 });
  const outbox = new Outbox(SCHEMA);
  const committed: [string, number][] = [];
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const t0 = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = t0 + (i * 1000) / rate - Date.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(
      (async () => {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const key = randomUUID();
          const envelope = await outbox.add(
            {
              query: async <T>(sql: string, params?: unknown[]) =>
                (await client.query(sql, params)).rows as T,
            },
            'c2c.city.archived.v1',
            cityArchived(key),
            { aggregateId: key },
          );
          await client.query('commit');
          committed.push([envelope.id, Date.now()]);
        } finally {
          client.release();
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  const seconds = (Date.now() - t0) / 1000;
  await pool.end();
  parentPort?.postMessage({ committed, startedAt: t0, offeredRate: Math.round(count / seconds) });
}

void main(workerData as LoadSpec);
