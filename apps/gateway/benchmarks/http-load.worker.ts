/**
 * Offered load for the gateway and footprint benchmarks, in a worker thread of the benchmark process,
 * so generating requests shares no event loop with a server under test (each server runs in its own
 * process): CONNECTIONS keep-alive connections (undici), each sending its next request when the
 * previous answer is in, for a bounded time. A `create` load sends a new body and a fresh
 * Idempotency-Key with every request, as a client registering many cities would.
 */
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  seconds: number;
  connections: number;
  /** GET by default; `create` POSTs a new city per request (its name made unique by a counter). */
  kind?: 'read' | 'create';
  /** The status every answer must have; any other counts as an error. */
  expectStatus?: number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** The first unexpected answer's status and start of body, to say what went wrong. */
  firstError?: string;
}

// Letters only: a city's name must look like one; the counter is spelled in letters a–p.
const lettersOf = (n: number): string =>
  n
    .toString(16)
    .split('')
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');

async function load(spec: LoadSpec): Promise<LoadResult> {
  const { url, headers, seconds, connections } = spec;
  const create = spec.kind === 'create';
  const expected = spec.expectStatus ?? (create ? 201 : 200);
  const origin = new URL(url);
  const path = `${origin.pathname}${origin.search}`;
  const pool = new Pool(origin.origin, { connections, pipelining: 1 });
  // Names unique across runs: a random prefix per load, then a counter.
  const run = lettersOf(Math.floor(Math.random() * 0xffffff));
  let sent = 0;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const connection = async () => {
    while (performance.now() < deadline) {
      const at = performance.now();
      try {
        const response = create
          ? await pool.request({
              path,
              method: 'POST',
              headers: {
                ...headers,
                'content-type': 'application/json',
                'idempotency-key': randomUUID(),
              },
              body: JSON.stringify({
                name: `Bench ${run} ${lettersOf(sent++)}`,
                countryCode: 'JP',
                level: 'metropolitan-city',
              }),
            })
          : await pool.request({ path, method: 'GET', headers });
        if (response.statusCode === expected) await response.body.dump();
        else {
          errors++;
          firstError ??= `${response.statusCode} ${(await response.body.text()).slice(0, 300)}`;
        }
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      latencies.push(performance.now() - at);
    }
  };
  await Promise.all(Array.from({ length: connections }, connection));
  const elapsed = performance.now() - started;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const quantile = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return {
    requests: latencies.length,
    perSecond: Math.round((latencies.length / elapsed) * 1000),
    p50: quantile(0.5),
    p99: quantile(0.99),
    errors,
    ...(firstError === undefined ? {} : { firstError }),
  };
}

load(workerData as LoadSpec).then(
  (result) => parentPort?.postMessage(result),
  (error: unknown) => {
    throw error;
  },
);
