/**
 * Offered load for the gateway benchmark, in its own thread so that generating requests does not
 * share the event loop of the server under test (as autocannon, a separate process, would not):
 * CONNECTIONS keep-alive connections, each sending its next request when the previous answer is in.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  seconds: number;
  connections: number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load({ url, headers, seconds, connections }: LoadSpec): Promise<LoadResult> {
  const origin = new URL(url);
  const pool = new Pool(origin.origin, { connections, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const connection = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const response = await pool.request({ path: origin.pathname, method: 'GET', headers });
        await response.body.dump();
        if (response.statusCode !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: connections }, connection));
  const elapsed = performance.now() - started;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return {
    requests: latencies.length,
    perSecond: Math.round((latencies.length / elapsed) * 1000),
    p50: at(0.5),
    p99: at(0.99),
    errors,
  };
}

load(workerData as LoadSpec).then(
  (result) => parentPort?.postMessage(result),
  (error: unknown) => {
    throw error;
  },
);
