/**
 * What the gateway and footprint benchmarks share: the swc build, servers spawned as child processes
 * from it (each in its own process, so its CPU time and memory are its own), their CPU time and
 * resident memory read from /proc (Linux only), and the load worker.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import type { LoadResult, LoadSpec } from './http-load.worker';

export type { LoadResult, LoadSpec } from './http-load.worker';

export const ROOT = path.resolve(__dirname, '../../..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Compiles apps and libraries to dist/ as `npm start` does (BENCH_BUILD=0 uses the dist/ there is). */
export function buildDist(): void {
  if (process.env.BENCH_BUILD === '0') return;
  const build = spawnSync(process.execPath, [path.join(ROOT, 'tools/build.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the build failed: ${build.stderr}`);
}

/** Kernel clock ticks per second, the unit of /proc/<pid>/stat's CPU times (100 on most Linux). */
const CLOCK_TICKS = (() => {
  const answer = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(answer.stdout?.trim()) || 100;
})();

/** CPU time (user + system, all threads) the process has used so far, in µs. */
export function cpuMicrosOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1e6;
}

/** Resident memory of the process, in MB (MiB). */
export function rssMbOf(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Number(line[1]) / 1024 : NaN;
}

export interface ServerProcess {
  name: string;
  pid: number;
  /** http://127.0.0.1:<port> */
  base: string;
  /** From spawn to the first `/health/ready` 200, in ms. */
  readyMs: number;
  stop(): Promise<void>;
}

/**
 * Spawns `node <script>` (a file under dist/, or any .js) with `env` on its own, and waits for its
 * `/health/ready` to answer 200 (polled every 10 ms, at most `timeoutMs`). Its stdout (request log
 * lines) goes nowhere, as in production it goes to a collector; stderr is kept for the error.
 */
export async function startServer(
  name: string,
  script: string,
  port: number,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', path.join(ROOT, script)], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      // e.g. `--cpu-prof --cpu-prof-dir=<dir>`: a CPU profile of every server, written as it stops.
      ...(process.env.BENCH_SERVER_NODE_OPTIONS
        ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS }
        : {}),
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = `${stderr}${chunk.toString()}`.slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
    await exited;
  };
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited (${child.exitCode}) during start:\n${stderr}`);
    const ready = await fetch(`${base}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) {
      return { name, pid: child.pid ?? 0, base, readyMs: performance.now() - started, stop };
    }
    await sleep(10);
  }
  await stop();
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${stderr}`);
}

/** Runs one bounded load from a worker thread of this process (see http-load.worker.ts). */
export function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'http-load.worker.ts'), {
      execArgv: ['-r', '@swc-node/register'],
      workerData: spec,
    });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
  });
}

/** A bearer token for the bootstrap secretariat account (local defaults), from the gateway. */
export async function login(gatewayBase: string): Promise<string> {
  const response = await fetch(`${gatewayBase}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@c2c.local', password: 'change-me-locally' }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * Waits until the process's resident memory is settled: `reads` consecutive reads `everyMs` apart
 * within `toleranceMb` of each other, after at least `minimumMs`, and at most `timeoutMs`. Returns
 * the last read and whether it settled (a still-growing process is reported as such, not hidden).
 */
export async function settledRss(
  pid: number,
  { minimumMs = 2_000, everyMs = 500, reads = 4, toleranceMb = 1, timeoutMs = 15_000 } = {},
): Promise<{ mb: number; settled: boolean }> {
  const started = performance.now();
  await sleep(minimumMs);
  const window: number[] = [];
  while (performance.now() - started < timeoutMs) {
    window.push(rssMbOf(pid));
    if (window.length > reads) window.shift();
    if (window.length === reads && Math.max(...window) - Math.min(...window) <= toleranceMb) {
      return { mb: window[window.length - 1], settled: true };
    }
    await sleep(everyMs);
  }
  return { mb: rssMbOf(pid), settled: false };
}

/**
 * Forgets the gateway's stored Idempotency-Keys. The benchmark's one caller registers thousands of
 * cities a round, far past the 1,000 live keys a caller may hold by default, so the limit is raised;
 * but each claim counts the caller's live keys, so keys left by earlier rounds would make later rounds
 * slower. Emptied before each round, every round starts as the first did.
 */
export async function forgetIdempotencyKeys(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('delete from gateway.idempotency_keys');
  } finally {
    await client.end();
  }
}
