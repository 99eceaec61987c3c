#!/usr/bin/env node
// npm start: the whole platform on this machine, in the foreground. Brings Kafka and PostgreSQL up
// (or uses KAFKA_BROKERS / DATABASE_URL), builds, provisions each service's role and schema, starts
// every app, loads demo data into an empty database, prints where everything is, and on Ctrl-C stops
// the apps and whatever infrastructure it started itself.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, infraAddresses } from './infra/config.mjs';
import { kafkaResponds } from './infra/kafka.mjs';
import { postgresResponds } from './infra/postgres.mjs';
import { APPS, LOCAL_ADMIN, appEnvironment, appMain, serviceSpec } from './platform-apps.mjs';

const require = createRequire(import.meta.url);

// The apps run on the project's Node 24 (a dev dependency). `npm start` finds it first on PATH; a
// direct `node tools/start.mjs` on an older system Node hands over to it instead of starting apps
// on a runtime they do not support.
const projectNode = path.join(ROOT, 'node_modules/.bin/node');
if (Number(process.versions.node.split('.')[0]) < 24) {
  if (!fs.existsSync(projectNode)) {
    console.error('[start] Node 24 is needed: run npm start, which installs it');
    process.exit(1);
  }
  const result = spawnSync(projectNode, process.argv.slice(1), { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
const log = (message) => console.log(`[start] ${message}`);
const node = process.execPath;

async function infraAlreadyUp() {
  const { kafkaBrokers, databaseUrl } = infraAddresses();
  const ok = (check) =>
    check().then(
      () => true,
      () => false,
    );
  return (await ok(() => kafkaResponds(kafkaBrokers))) && (await ok(() => postgresResponds(databaseUrl)));
}

function runOrDie(args, what, env = process.env) {
  const result = spawnSync(node, args, { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`[start] ${what} failed`);
    process.exit(1);
  }
}

async function waitReady(app, children) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (children.get(app.name)?.exitCode !== null)
      throw new Error(`${app.name} exited during start; see its log above`);
    try {
      const response = await fetch(`http://127.0.0.1:${app.port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${app.name} was not ready within 60 s`);
}

// Demo data goes in through each app's own use cases (so events are emitted), and only where missing.
function runSeed(app, env) {
  const seed = path.join(ROOT, `dist/apps/${app.name}/scripts/seed.js`);
  if (fs.existsSync(seed)) runOrDie(['--enable-source-maps', seed], `${app.name} demo data`, env);
}

const seedOnly = process.argv.includes('--seed-only');

async function main() {
  const stopInfraOnExit = !seedOnly && !(await infraAlreadyUp());
  runOrDie([path.join(ROOT, 'tools/infra/cli.mjs'), 'up'], 'infra:up');
  runOrDie([path.join(ROOT, 'tools/build.mjs')], 'build');
  if (!seedOnly) runOrDie([path.join(ROOT, 'tools/build.mjs'), '--console'], 'console build');

  const { kafkaBrokers, databaseUrl } = infraAddresses();
  const { provisionServiceDatabase, serviceDatabaseUrl } = require(
    path.join(ROOT, 'dist/libs/persistence/src'),
  );
  const children = new Map();
  let stopping = false;

  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    log('stopping the apps…');
    for (const child of children.values()) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(
      [...children.values()].map((child) =>
        child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null,
      ),
    );
    if (stopInfraOnExit)
      spawnSync(node, [path.join(ROOT, 'tools/infra/cli.mjs'), 'down'], { stdio: 'inherit' });
    else log('Kafka and PostgreSQL were already running; left running');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  for (const app of APPS) {
    const spec = serviceSpec(app);
    await provisionServiceDatabase(databaseUrl, spec);
    const env = appEnvironment(app, { databaseUrl: serviceDatabaseUrl(databaseUrl, spec), kafkaBrokers });
    if (seedOnly) {
      runSeed(app, env);
      continue;
    }
    const child = spawn(node, ['--enable-source-maps', appMain(app)], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', (code) => {
      if (!stopping) {
        console.error(`[start] ${app.name} exited (code ${code}); stopping the platform`);
        void stop(1);
      }
    });
    children.set(app.name, child);
    await waitReady(app, children);
    log(`${app.name} ready on http://127.0.0.1:${app.port}`);
    runSeed(app, env);
  }
  if (seedOnly) process.exit(0);

  const gateway = APPS.find((app) => app.name === 'gateway');
  console.log(
    [
      '',
      'C2C Cooperation Platform is running. Ctrl-C stops it.',
      gateway
        ? `  gateway API        http://127.0.0.1:${gateway.port}/api/v1`
        : '  gateway API        (not built yet)',
      gateway ? `  interactive docs   http://127.0.0.1:${gateway.port}/docs` : '',
      gateway ? `  web console        http://127.0.0.1:${gateway.port}/console/` : '',
      `  secretariat login  ${process.env.BOOTSTRAP_ADMIN_EMAIL ?? LOCAL_ADMIN.email} / ${process.env.BOOTSTRAP_ADMIN_PASSWORD ? '(from BOOTSTRAP_ADMIN_PASSWORD)' : LOCAL_ADMIN.password}`,
      ...APPS.map((app) => `  ${app.name.padEnd(18)} http://127.0.0.1:${app.port}/health/ready`),
      `  Kafka              ${kafkaBrokers}`,
      `  PostgreSQL         ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
      '',
    ]
      .filter((line) => line !== '')
      .join('\n'),
  );
}

main().catch((error) => {
  console.error(`[start] ${error?.message ?? error}`);
  process.exit(1);
});
