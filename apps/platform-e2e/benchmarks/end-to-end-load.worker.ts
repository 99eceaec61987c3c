/**
 * The end-to-end benchmark's load generator, in a worker thread of the benchmark process so that
 * generating requests shares no event loop with the apps (each runs in its own process). undici,
 * keep-alive connections, every request a city registration with a fresh Idempotency-Key.
 *   - `open`: an open loop at a fixed rate. Request i is due at startAt + i / rate whatever the
 *     answers so far (a slow server does not slow the offered load down, it makes requests queue),
 *     and its latency counts from when it was due. Two shared counters (sent, answered 201) let the
 *     benchmark read the progress at the step's end without a message round trip.
 *   - `closed`: each connection sends its next request when the previous answer is in, for a bounded
 *     time: the most this generator gets out of a server (the bare Fastify anchor).
 */
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

interface Common {
  /** The POST /…/cities URL. */
  url: string;
  token: string;
  connections: number;
}

export interface OpenLoopSpec extends Common {
  mode: 'open';
  rate: number;
  seconds: number;
  /** Epoch ms of the first request, agreed with the benchmark so both know when the step ends. */
  startAt: number;
  /** Every city's name is `${namePrefix} ${lettersOf(i)}`: unique, and found again in its inbox row. */
  namePrefix: string;
  /** Int32Array over it: [0] requests sent, [1] answered 201. */
  counters: SharedArrayBuffer;
}

export interface ClosedLoopSpec extends Common {
  mode: 'closed';
  seconds: number;
}

export interface OpenLoopResult {
  /** Each 201: the city's name and when its answer was in (epoch ms, this machine's clock). */
  created: [string, number][];
  sent: number;
  errors: number;
  firstError?: string;
  /** From when each request was due to its answer, ms. */
  httpP50: number;
  httpP99: number;
}

export interface ClosedLoopResult {
  perSecond: number;
  errors: number;
  firstError?: string;
}

// Letters only: a city's name must look like one, so counters are spelled in letters a–p.
const lettersOf = (n: number): string =>
  n
    .toString(16)
    .split('')
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function poolFor(url: string, connections: number): { pool: Pool; path: string } {
  const origin = new URL(url);
  return { pool: new Pool(origin.origin, { connections, pipelining: 1 }), path: origin.pathname };
}

function register(pool: Pool, path: string, token: string, name: string) {
  return pool.request({
    path,
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({ name, countryCode: 'JP', level: 'metropolitan-city' }),
  });
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;

async function openLoop(spec: OpenLoopSpec): Promise<OpenLoopResult> {
  const { pool, path } = poolFor(spec.url, spec.connections);
  const counters = new Int32Array(spec.counters);
  const total = Math.round(spec.rate * spec.seconds);
  const created: [string, number][] = [];
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const inFlight: Promise<void>[] = [];
  const send = async (i: number, dueAt: number) => {
    const name = `${spec.namePrefix} ${lettersOf(i)}`;
    try {
      const response = await register(pool, path, spec.token, name);
      if (response.statusCode === 201) {
        await response.body.dump();
        created.push([name, Date.now()]);
        Atomics.add(counters, 1, 1);
      } else {
        errors++;
        firstError ??= `${response.statusCode} ${(await response.body.text()).slice(0, 300)}`;
      }
    } catch (error) {
      errors++;
      firstError ??= error instanceof Error ? error.message : String(error);
    }
    latencies.push(Date.now() - dueAt);
  };
  if (spec.startAt > Date.now()) await sleep(spec.startAt - Date.now());
  let next = 0;
  while (next < total) {
    // Every request due by now goes out; then the next tick (timers are ~1 ms apart at best).
    const due = Math.min(total, Math.floor(((Date.now() - spec.startAt) * spec.rate) / 1000) + 1);
    for (; next < due; next++) {
      inFlight.push(send(next, spec.startAt + (next * 1000) / spec.rate));
      Atomics.add(counters, 0, 1);
    }
    await sleep(1);
  }
  await Promise.all(inFlight);
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    created,
    sent: total,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    httpP50: quantile(latencies, 0.5),
    httpP99: quantile(latencies, 0.99),
  };
}

async function closedLoop(spec: ClosedLoopSpec): Promise<ClosedLoopResult> {
  const { pool, path } = poolFor(spec.url, spec.connections);
  const prefix = `Bench ${lettersOf(Math.floor(Math.random() * 0xffffff))}`;
  let answered = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + spec.seconds * 1000;
  const connection = async () => {
    while (performance.now() < deadline) {
      try {
        const response = await register(pool, path, spec.token, `${prefix} ${lettersOf(answered)}`);
        if (response.statusCode === 201) await response.body.dump();
        else {
          errors++;
          firstError ??= `${response.statusCode} ${(await response.body.text()).slice(0, 300)}`;
        }
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      answered++;
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, connection));
  const elapsed = performance.now() - started;
  await pool.close();
  return {
    perSecond: Math.round((answered / elapsed) * 1000),
    errors,
    ...(firstError === undefined ? {} : { firstError }),
  };
}

const spec = workerData as OpenLoopSpec | ClosedLoopSpec;
(spec.mode === 'open' ? openLoop(spec) : closedLoop(spec)).then(
  (result) => parentPort?.postMessage(result),
  (error: unknown) => {
    throw error;
  },
);
