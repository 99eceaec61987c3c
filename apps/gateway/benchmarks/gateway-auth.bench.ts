/**
 * Gateway benchmark (a script, not a test). Everything is measured in one process and one run, so the
 * ratios mean something on any machine:
 *   - the target: a trivial authenticated route through the whole gateway (GET /api/v1/me: security
 *     headers, CORS, per-IP and per-user rate limits, bearer-token verification, roles, logging)
 *     against a bare Fastify route answering the same JSON;
 *   - anchors that show where the difference goes: plain NestJS on Fastify, and the platform's
 *     service app (NestJS + request logging + validation + problem filter) with no gateway policy;
 *   - the gateway verifying every token (verification cache off), the worst case.
 * Load: undici in a worker thread of this process (loopback only, bounded in time), so the client does
 * not share the server's event loop. Then, in a child process as an operator runs it (the swc build
 * in dist/), the gateway's time from spawn to ready and its resident memory at rest.
 *
 *   node_modules/.bin/node -r @swc-node/register benchmarks/gateway-auth.bench.ts > /dev/null
 *   env: SECONDS=5 (per round)  ROUNDS=3  CONNECTIONS=32  BENCH_LOG_LEVEL=info
 * The report goes to stderr; stdout carries the apps' request log lines, as in production.
 */
import 'reflect-metadata';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { provisionServiceDatabase, serviceDatabaseUrl } from '@c2c/persistence';
import { createServiceApp, LoggingModule } from '@c2c/platform';
import { createTestDatabase, freePort, prepareTestInfrastructure } from '@c2c/testing';
import Fastify from 'fastify';
import { readGatewayConfig } from '../src/config';
import { createGatewayApp } from '../src/gateway-app';
import type { LoadResult, LoadSpec } from './http-load.worker';

const ROOT = path.resolve(__dirname, '../../..');
const SECONDS = Number(process.env.SECONDS ?? 5);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);
// Logging as deployed (info: one JSON line per request on stdout) unless told otherwise.
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const DATABASE = { schema: 'gateway', role: 'c2c_gateway_bench', password: 'gateway-bench' };
const ANSWER = { userId: 'bench', email: 'bench@c2c.local', roles: ['secretariat'], commissionIds: [] };

function load(url: string, headers: Record<string, string>, seconds: number): Promise<LoadResult> {
  const spec: LoadSpec = { url, headers, seconds, connections: CONNECTIONS };
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'http-load.worker.ts'), {
      execArgv: ['-r', '@swc-node/register'],
      workerData: spec,
    });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
  });
}

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  close: () => Promise<void>;
}

@Controller('plain')
class PlainController {
  @Get()
  get() {
    return ANSWER;
  }
}

async function listen(app: INestApplication, route: string): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `${await app.getUrl()}${route}`;
}

async function login(base: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@c2c.local', password: 'change-me-locally' }),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

async function targets(databaseUrl: string): Promise<Target[]> {
  const bare = Fastify({ logger: false });
  bare.get('/bare', () => ANSWER);
  const bareUrl = `${await bare.listen({ port: 0, host: '127.0.0.1' })}/bare`;

  @Module({ controllers: [PlainController] })
  class PlainModule {}
  const plain = await NestFactory.create<NestFastifyApplication>(PlainModule, new FastifyAdapter(), {
    logger: false,
  });

  @Module({ imports: [LoggingModule.forRoot('bench', LOG_LEVEL)], controllers: [PlainController] })
  class ServiceModule {}
  const service = await createServiceApp({ module: ServiceModule });

  const gatewayEnv = (cacheMs: number) =>
    readGatewayConfig({
      NODE_ENV: 'development',
      ALLOW_LOCAL_DEFAULTS: 'true',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL,
      RATE_LIMIT_PER_IP: '1000000000',
      RATE_LIMIT_PER_USER: '1000000000',
      TOKEN_VERIFY_CACHE_MS: String(cacheMs),
    });
  const gateway = await createGatewayApp(gatewayEnv(30_000));
  const gatewayUrl = await listen(gateway, '/api/v1/me');
  const uncached = await createGatewayApp(gatewayEnv(0));
  const uncachedUrl = await listen(uncached, '/api/v1/me');

  return [
    { name: 'bare Fastify', url: bareUrl, headers: {}, close: () => bare.close() },
    {
      name: 'plain NestJS (anchor)',
      url: await listen(plain, '/plain'),
      headers: {},
      close: () => plain.close(),
    },
    {
      name: 'platform service app (anchor)',
      url: await listen(service, '/plain'),
      headers: {},
      close: () => service.close(),
    },
    {
      name: 'gateway GET /api/v1/me',
      url: gatewayUrl,
      headers: await login(new URL(gatewayUrl).origin),
      close: () => gateway.close(),
    },
    {
      name: 'gateway, verifying every token',
      url: uncachedUrl,
      headers: await login(new URL(uncachedUrl).origin),
      close: () => uncached.close(),
    },
  ];
}

const rssOf = (pid: number): number => {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Number(line[1]) / 1024 : NaN;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spawns the built gateway as main.ts runs it: time to ready, and resident memory at rest. */
async function startupAndMemory(databaseUrl: string) {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'tools/build.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps/gateway/src/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      // A local run's defaults (bootstrap account, key and feed secrets), as npm start allows them.
      ALLOW_LOCAL_DEFAULTS: 'true',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    let readyMs = NaN;
    while (Number.isNaN(readyMs) && performance.now() - started < 30_000) {
      const ready = await fetch(`${base}/health/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) readyMs = performance.now() - started;
      else await pause(10);
    }
    if (Number.isNaN(readyMs)) throw new Error('the gateway was not ready within 30 s');
    // At rest: ready, no traffic, start-up garbage given a moment to be collected.
    await pause(3000);
    const restMb = rssOf(child.pid ?? 0);
    await load(`${base}/api/v1/me`, await login(base), 5);
    await pause(5000);
    return { readyMs, restMb, afterLoadMb: rssOf(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const report = (line = '') => process.stderr.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  prepareTestInfrastructure();
  const database = await createTestDatabase('gateway_bench');
  try {
    await provisionServiceDatabase(database.adminUrl, DATABASE);
    const databaseUrl = serviceDatabaseUrl(database.adminUrl, DATABASE);
    // ONLY=<text> keeps bare Fastify and the targets whose name contains it (for profiling one).
    const only = process.env.ONLY;
    const all = (await targets(databaseUrl)).filter(
      (target) => !only || target.name === 'bare Fastify' || target.name.includes(only),
    );
    const runs = new Map<string, LoadResult[]>(all.map((target) => [target.name, []]));
    // How busy the servers' event loop was: below ~0.9 the load generator, not the server, set the pace.
    const busy = new Map<string, number[]>(all.map((target) => [target.name, []]));
    for (const target of all) await load(target.url, target.headers, 1); // warm-up: JIT, pools, caches
    // Rounds alternate between targets, so drift on a shared machine hits all of them alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of all) {
        const before = performance.eventLoopUtilization();
        const result = await load(target.url, target.headers, SECONDS);
        busy.get(target.name)?.push(performance.eventLoopUtilization(before).utilization);
        runs.get(target.name)?.push(result);
      }
    }
    for (const target of all) await target.close();
    const startup = await startupAndMemory(databaseUrl);

    const bare = median((runs.get('bare Fastify') ?? []).map((run) => run.perSecond));
    report(
      `\nGateway benchmark: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s, log level ${LOG_LEVEL}`,
    );
    report(
      `node ${process.version}, ${process.platform}/${process.arch}, load generated in a worker thread\n`,
    );
    report('| target | median req/s | × bare | p50 ms | p99 ms | server busy | server µs/req |');
    report('|---|---:|---:|---:|---:|---:|---:|');
    for (const [name, results] of runs) {
      const perSecond = median(results.map((run) => run.perSecond));
      const middle = results.find((run) => run.perSecond === perSecond) ?? results[0];
      const errors = results.reduce((sum, run) => sum + run.errors, 0);
      const utilization = busy.get(name)?.[results.indexOf(middle ?? results[0])] ?? NaN;
      report(
        `| ${name}${errors ? ` (${errors} errors)` : ''} | ${perSecond.toLocaleString('en')} | ${(perSecond / bare).toFixed(2)} | ${middle?.p50.toFixed(2)} | ${middle?.p99.toFixed(2)} | ${(utilization * 100).toFixed(0)}% | ${((utilization * 1e6) / perSecond).toFixed(1)} |`,
      );
    }
    const gateway = median((runs.get('gateway GET /api/v1/me') ?? []).map((run) => run.perSecond));
    report(
      `\ngateway / bare Fastify: ${(gateway / bare).toFixed(2)} (target ≥ 0.70: ${gateway / bare >= 0.7 ? 'met' : 'not met'})`,
    );
    report(
      `time to ready (spawn → /health/ready 200, built app, migrations checked): ${startup.readyMs.toFixed(0)} ms`,
    );
    report(
      `RSS at rest after ready: ${startup.restMb.toFixed(1)} MB; 5 s after 5 s of load: ${startup.afterLoadMb.toFixed(1)} MB`,
    );
  } finally {
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
