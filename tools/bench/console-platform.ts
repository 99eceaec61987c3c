/**
 * The platform the console benchmark measures, started as the other suites start theirs: every app
 * spawned from the swc build with its own role and schema in one database, under a topic prefix of
 * its own, the gateway serving a console built by Vite from the working tree; and the browser.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createKafka, ensureTopics, topicName } from '@c2c/messaging';
import { provisionServiceDatabase, serviceDatabaseUrl, type ServiceDatabaseSpec } from '@c2c/persistence';
import { freePort, testKafkaBrokers } from '@c2c/testing';
import { ROOT, startServer, type ServerProcess } from '../../apps/gateway/benchmarks/support';

const REVOCATION_SECRET = 'benchmark-only-revocation-feed-secret-00000000';

export const APPS = ['cities', 'partnerships', 'commissions', 'notifications', 'gateway'] as const;
export type AppName = (typeof APPS)[number];

/** The console built by Vite from the working tree into a directory of its own (BENCH_BUILD=0: dist/). */
export function buildConsole(): { dir: string; temporary: boolean } {
  if (process.env.BENCH_BUILD === '0') return { dir: path.join(ROOT, 'dist/apps/console'), temporary: false };
  const dir = mkdtempSync(path.join(tmpdir(), 'c2c-console-bench-'));
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const build = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'apps/console/vite.config.mjs', '--outDir', dir, '--logLevel', 'error'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`the console build failed: ${build.stderr}`);
  return { dir, temporary: true };
}

/** Every app from dist/, as the end-to-end benchmark starts them, the gateway serving `consoleDir`. */
export async function startPlatform(
  logLevel: string,
  adminUrl: string,
  topicPrefix: string,
  consoleDir: string,
): Promise<Record<AppName, ServerProcess>> {
  const specs = Object.fromEntries(
    APPS.map((app) => [
      app,
      {
        schema: app,
        role: `c2c_bench_console_${app}`,
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
  const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'bench-console-setup' });
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
      LOG_LEVEL: logLevel,
      DATABASE_URL: serviceDatabaseUrl(adminUrl, specs[app]),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      REVOCATION_FEED_SECRET: REVOCATION_SECRET,
      AUTH_REVOCATION_SECRET: REVOCATION_SECRET,
      // One user opens the map a dozen times in a minute here: the per-user limit is not what is measured.
      RATE_LIMIT_PER_IP: '1000000',
      RATE_LIMIT_PER_USER: '1000000',
      TOKEN_TTL_SECONDS: '3600',
      DELIVERY_INTERVAL_MS: '0',
      DETECTION_INTERVAL_MS: '0',
      OVERDUE_SWEEP_INTERVAL_MS: '0',
      CONSOLE_DIR: consoleDir,
      ...urls,
    });
  }
  return started;
}

/** Debian's chromium, wherever PATH finds it (Playwright's own browser download cannot work here). */
export function chromiumExecutable(): string {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      "no `chromium` on PATH: install Debian's chromium (apt-get install chromium), as .ci/run does",
    );
  }
}
