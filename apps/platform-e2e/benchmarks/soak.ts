/**
 * Soak (`npm run soak`): the whole platform held at a steady rate for a long time, to show that
 * memory, lag and latency stay flat, and that every command still goes all the way through. The same
 * platform and load as the end-to-end benchmark (end-to-end-platform.ts): every app spawned from the
 * swc build, city registrations through the gateway from undici in a worker thread (an open loop),
 * each one's secretariat inbox row seen at its commit.
 *
 * The load runs in back-to-back windows of SOAK_WINDOW_SECONDS (a worker each, started as the one
 * before ends: a second or two apart). After each window it reads each app's
 * RSS, the commands answered 201 but not yet in the inbox (the end-to-end backlog) and the consuming
 * services' summed `c2c_consumer_lag` from their /metrics; once the last window is over and the
 * platform has drained, each window's 201-to-inbox p50/p99. Flat means: between the first and the
 * last third of the windows no app's RSS grew by more than RSS_GROWTH_MB and the p99 did not double,
 * and no window ended with more than a second of backlog. A command answered 201 and never in the
 * inbox is lost: the run exits 1 if any is.
 *
 * Not a part of `npm run bench` nor of CI (it takes half an hour); docs/reliability.md has its figures.
 *   env: SOAK_MINUTES=30  SOAK_RATE (default: half the sustained rate in bench/results/end-to-end.json,
 *        else 25)  SOAK_WINDOW_SECONDS=60  E2E_CONNECTIONS=64  BENCH_LOG_LEVEL=info  BENCH_BUILD=0
 *   writes bench/soak/soak-<time>.json (git-ignored) and prints a markdown table.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, percentile, prepareTestInfrastructure } from '@c2c/testing';
import { Client, Pool } from 'pg';
// The platform's benchmarks share one way to build, spawn and log in (the gateway's benchmark support);
// benchmarks have no published entry point, so this one reaches it by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { buildDist, login, ROOT, rssMbOf, type ServerProcess } from '../../gateway/benchmarks/support';
import type { OpenLoopResult } from './end-to-end-load.worker';
import {
  type AppName,
  APPS,
  inWorker,
  LOG_LEVEL,
  namePrefix,
  startPlatform,
  until,
  watchInbox,
} from './end-to-end-platform';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const WINDOW_SECONDS = Number(process.env.SOAK_WINDOW_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.E2E_CONNECTIONS ?? 64);
const RSS_GROWTH_MB = 20;
const CONSUMERS: AppName[] = ['partnerships', 'commissions', 'notifications'];

/** Half the end-to-end benchmark's latest sustained rate, as the issue asks; 25/s without one. */
function soakRate(): { rate: number; why: string } {
  if (process.env.SOAK_RATE) return { rate: Number(process.env.SOAK_RATE), why: 'SOAK_RATE' };
  const latest = path.join(ROOT, 'bench/results/end-to-end.json');
  if (existsSync(latest)) {
    const result = JSON.parse(readFileSync(latest, 'utf8')) as {
      startedAt: string;
      figures: { id: string; measured: { median: number } }[];
    };
    const sustained = result.figures.find((f) => f.id === 'end-to-end.sustained')?.measured.median;
    if (sustained)
      return {
        rate: Math.max(1, Math.floor(sustained / 2)),
        why: `half the ${sustained}/s the end-to-end benchmark sustained on ${result.startedAt.slice(0, 10)}`,
      };
  }
  return { rate: 25, why: 'no end-to-end result in bench/results/: the default' };
}

interface Window {
  index: number;
  /** Seconds since the load began, at the window's end. */
  at: number;
  sent: number;
  created: number;
  errors: number;
  firstError?: string;
  httpP99: number;
  /** Answered 201 so far and not yet in the inbox, at the window's end. */
  backlog: number;
  /** The consuming services' summed consumer lag (records), null when a scrape failed. */
  consumerLag: number | null;
  /** The machine's 1-minute load average at the window's end (2 cores: above 2 is a queue). */
  loadAverage: number;
  rssMb: Record<AppName, number>;
  p50?: number;
  p99?: number;
}

async function consumerLagOf(apps: Record<AppName, ServerProcess>): Promise<number | null> {
  let total = 0;
  for (const app of CONSUMERS) {
    const response = await fetch(`${apps[app].base}/metrics`).catch(() => null);
    if (!response?.ok) return null;
    for (const line of (await response.text()).split('\n')) {
      if (line.startsWith('c2c_consumer_lag{')) total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return total;
}

const median = (values: number[]): number => percentile(values, 50);
const thirds = <T>(values: T[]): [T[], T[]] => {
  const size = Math.max(1, Math.floor(values.length / 3));
  return [values.slice(0, size), values.slice(-size)];
};

async function main(): Promise<number> {
  const { rate, why } = soakRate();
  const windows = Math.max(1, Math.round((MINUTES * 60) / WINDOW_SECONDS));
  const log = (message: string) => process.stderr.write(`[soak] ${message}\n`);
  log(`${rate}/s (${why}) for ${windows} windows of ${WINDOW_SECONDS} s`);
  prepareTestInfrastructure();
  log('building dist/');
  buildDist();
  const database = await createTestDatabase('soak');
  const db = new Pool({ connectionString: database.adminUrl, max: 2 });
  const listener = new Client({ connectionString: database.adminUrl });
  let platform: Partial<Record<AppName, ServerProcess>> = {};
  const topicPrefix = `soak-${randomBytes(3).toString('hex')}.`;
  try {
    log('starting cities, partnerships, commissions, notifications and the gateway from dist/');
    platform = await startPlatform(database.adminUrl, topicPrefix);
    const apps = platform as Record<AppName, ServerProcess>;
    const url = `${apps.gateway.base}/api/v1/cities`;
    let token = await login(apps.gateway.base);
    const seen = new Map<string, number>();
    await watchInbox(db, listener, (name, at) => seen.set(name, at));
    const answered = new Map<string, { at: number; window: number }>();
    const results: Window[] = [];
    const began = Date.now();
    for (let index = 0; index < windows; index++) {
      // A window's token outlives it (TOKEN_TTL_SECONDS is an hour here); a fresh one every ten
      // minutes keeps a long soak from running into the expiry.
      if (index > 0 && index % Math.max(1, Math.round(600 / WINDOW_SECONDS)) === 0)
        token = await login(apps.gateway.base);
      const result = await inWorker<OpenLoopResult>({
        mode: 'open',
        url,
        token,
        connections: CONNECTIONS,
        rate,
        seconds: WINDOW_SECONDS,
        startAt: Date.now() + 100,
        namePrefix: namePrefix(),
        counters: new SharedArrayBuffer(8),
      });
      for (const [name, at] of result.created) answered.set(name, { at, window: index });
      const backlog = [...answered.keys()].filter((name) => !seen.has(name)).length;
      const window: Window = {
        index,
        at: Math.round((Date.now() - began) / 1000),
        sent: result.sent,
        created: result.created.length,
        errors: result.errors,
        ...(result.firstError === undefined ? {} : { firstError: result.firstError }),
        httpP99: result.httpP99,
        backlog,
        consumerLag: await consumerLagOf(apps),
        loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
        rssMb: Object.fromEntries(APPS.map((app) => [app, Math.round(rssMbOf(apps[app].pid))])) as Record<
          AppName,
          number
        >,
      };
      results.push(window);
      log(
        `window ${index + 1}/${windows} (${window.at} s): ${window.created}/${window.sent} answered 201, ` +
          `${window.errors} errors, backlog ${backlog}, consumer lag ${window.consumerLag ?? '?'}, RSS ` +
          APPS.map((app) => `${app} ${window.rssMb[app]}`).join(' ') +
          ` MB, load ${window.loadAverage}`,
      );
    }
    log('load over: waiting for the platform to drain');
    await until(() => Promise.resolve([...answered.keys()].every((name) => seen.has(name))), 120_000);
    const lost = [...answered.keys()].filter((name) => !seen.has(name));
    for (const window of results) {
      const latencies = [...answered]
        .filter(([name, answer]) => answer.window === window.index && seen.has(name))
        .map(([name, answer]) => seen.get(name)! - answer.at);
      window.p50 = Math.round(percentile(latencies, 50));
      window.p99 = Math.round(percentile(latencies, 99));
    }

    const [first, last] = thirds(results);
    const growth = Object.fromEntries(
      APPS.map((app) => [
        app,
        Math.round(median(last.map((w) => w.rssMb[app])) - median(first.map((w) => w.rssMb[app]))),
      ]),
    ) as Record<AppName, number>;
    const p99First = median(first.map((w) => w.p99 ?? 0));
    const p99Last = median(last.map((w) => w.p99 ?? 0));
    const maxBacklog = Math.max(...results.map((w) => w.backlog));
    const errors = results.reduce((sum, w) => sum + w.errors, 0);
    const verdict = {
      memoryFlat: APPS.every((app) => growth[app] <= RSS_GROWTH_MB),
      latencyFlat: p99Last <= Math.max(2 * p99First, p99First + 20),
      lagBounded: maxBacklog <= Math.max(1, rate),
      lost: lost.length,
      errors,
    };
    const summary = {
      startedAt: new Date(began).toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      rate,
      rateWhy: why,
      windowSeconds: WINDOW_SECONDS,
      logLevel: LOG_LEVEL,
      commands: answered.size,
      rssGrowthMb: growth,
      p99FirstThirdMs: p99First,
      p99LastThirdMs: p99Last,
      maxBacklog,
      verdict,
      windows: results,
    };
    const dir = path.join(ROOT, 'bench/soak');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `soak-${summary.startedAt.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);

    const rows = results.map(
      (w) =>
        `| ${w.index + 1} | ${w.at} | ${w.created} | ${w.errors} | ${w.backlog} | ${w.consumerLag ?? '—'} | ${w.p50} | ${w.p99} | ${w.loadAverage} | ` +
        APPS.map((app) => w.rssMb[app]).join(' | ') +
        ' |',
    );
    console.log(
      [
        `Soak of ${summary.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${summary.machine}: ${rate}/s (${why}) for ${windows} × ${WINDOW_SECONDS} s, ${answered.size.toLocaleString('en-US')} commands answered 201, ${lost.length} lost, ${errors} errors.`,
        `RSS growth first → last third (MB): ${APPS.map((app) => `${app} ${growth[app]}`).join(', ')}; 201 → inbox p99 ${p99First} → ${p99Last} ms; largest backlog at a window's end ${maxBacklog}.`,
        `Verdict: memory ${verdict.memoryFlat ? 'flat' : 'GREW'}, latency ${verdict.latencyFlat ? 'flat' : 'GREW'}, lag ${verdict.lagBounded ? 'bounded' : 'NOT bounded'}, ${lost.length} lost.`,
        '',
        `| window | s | 201s | errors | backlog | consumer lag | p50 ms | p99 ms | load | ${APPS.map((app) => `${app} MB`).join(' | ')} |`,
        `|${' ---: |'.repeat(9 + APPS.length)}`,
        ...rows,
        '',
        `JSON: ${path.relative(ROOT, file)}`,
      ].join('\n'),
    );
    if (lost.length > 0) log(`LOST: ${lost.slice(0, 5).join(', ')}${lost.length > 5 ? ' …' : ''}`);
    return lost.length > 0 ? 1 : 0;
  } finally {
    await listener.end().catch(() => undefined);
    await db.end();
    for (const app of [...APPS].reverse()) await platform[app]?.stop();
    await database.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `[soak] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
