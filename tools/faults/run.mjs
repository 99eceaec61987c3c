#!/usr/bin/env node
// npm run test:faults: fault injection under load. Starts a Kafka broker and a PostgreSQL cluster of
// its own (other ports and directories than the shared ones, which it never touches), builds and
// starts the five apps on them, drives a steady stream of commands through the gateway while it
// SIGKILLs each app several times, restarts the broker and the cluster once each and pauses one
// consumer past its session timeout; then waits for the platform to drain (measured) and checks
// every command against what it promises. Prints a table, writes JSON to .local/faults/, exits
// non-zero if anything was lost or doubled or recovery took longer than its bound.
//
//   node tools/faults/run.mjs [--profile ci|full] [--seed N] [--rate R]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../infra/config.mjs';
import { LOCAL_ADMIN } from '../platform-apps.mjs';
import { Client, CommandStream, driveLoad } from './load.mjs';
import { FaultPlatform, stopLeftoverBrokers } from './platform.mjs';
import { awaitRecovery, kafkaClient, readTopics, reconcile } from './reconcile.mjs';
import { startSmtpSink, startWebhookReceiver } from './receivers.mjs';
import { faultSchedule, prng } from './schedule.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
// Session timeout of the platform's consumers (kafkajs' default): a pause longer than it makes the
// group evict the paused member and rebalance.
const SESSION_TIMEOUT_MS = 30_000;
// `rate` paces the stream (new commands a second, follow-ups not counted) to what the platform's
// e-mail and webhook senders keep up with on two shared cores, so what is measured after the faults
// is recovery, not a backlog the load built on purpose.
const PROFILES = {
  ci: {
    killsPerApp: 2,
    windowMs: 90_000,
    gapMs: 4_000,
    workers: 6,
    rate: 6,
    poison: 3,
    setupCities: 16,
    recoveryBound: 90,
  },
  full: {
    killsPerApp: 5,
    windowMs: 300_000,
    gapMs: 6_000,
    workers: 8,
    rate: 6,
    poison: 5,
    setupCities: 40,
    recoveryBound: 120,
  },
};
const profileName = argument('profile', 'ci');
const profile = PROFILES[profileName];
if (!profile) throw new Error(`unknown profile ${profileName}: ci or full`);
const seed = Number(argument('seed', Math.floor(Math.random() * 2 ** 31)));
const started = Date.now();
const stamp = new Date(started).toISOString().replace(/[:.]/g, '-');
const OUT = path.join(ROOT, '.local/faults');
const RUN_DIR = path.join(OUT, `run-${stamp}`);
const log = (message) =>
  console.log(`[faults ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);
const CONSUMERS = ['partnerships', 'commissions', 'notifications'];

async function setup(client, platform) {
  await client.signIn();
  const commissions = (await client.call('GET', '/commissions?limit=10')).body.items.map((c) => c.id);
  const countries = ['ID', 'JP', 'KR', 'VN'];
  const cities = [];
  for (let i = 0; i < profile.setupCities; i++) {
    const countryCode = countries[i % countries.length];
    const email = `officer-${i}@faults.example`;
    const answer = await client.command({
      key: `faults-setup-${stamp}-${i}`,
      method: 'POST',
      path: '/cities',
      body: {
        name: `Faults setup ${stamp} ${i}`,
        countryCode,
        level: 'metropolitan-city',
        contacts: [{ name: `Officer ${i}`, email }],
      },
    });
    if (answer.status !== 201)
      throw new Error(`setup city: ${answer.status} ${JSON.stringify(answer.answer)}`);
    // Only AMF member cities may apply to a commission: without this every membership command of
    // the stream would be a 422 and its promise never tested.
    const joined = await client.command({
      key: `faults-setup-${stamp}-${i}-member`,
      method: 'POST',
      path: `/cities/${answer.answer.id}/membership`,
      body: { membershipStatus: 'member' },
    });
    if (joined.status !== 200)
      throw new Error(`setup city membership: ${joined.status} ${JSON.stringify(joined.answer)}`);
    cities.push({ id: answer.answer.id, countryCode, email });
  }
  const ids = cities.map((c) => c.id);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const [row] = await platform.query(
      `select (select count(*) from partnerships.cities where city_id = any($1::uuid[]))::int as p,
              (select count(*) from commissions.cities
                where city_id = any($1::uuid[]) and membership_status = 'member')::int as c,
              (select count(*) from notifications.city_contacts where city_id = any($1::uuid[]))::int as n`,
      [ids],
    );
    if (row.p === ids.length && row.c === ids.length && row.n >= ids.length) break;
    if (Date.now() > deadline) throw new Error(`setup cities not known everywhere: ${JSON.stringify(row)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { cities, commissions };
}

async function subscribe(client, webhook) {
  const all = [
    'c2c.city.registered.v1',
    'c2c.partnership.proposed.v1',
    'c2c.partnership.accepted.v1',
    'c2c.partnership.activated.v1',
    'c2c.commission.membership-requested.v1',
    'c2c.best-practice.submitted.v1',
    'c2c.best-practice.published.v1',
  ];
  const subscriptions = [];
  for (const [name, types] of [
    ['all', all],
    ['cities', ['c2c.city.registered.v1']],
  ]) {
    const answer = await client.command({
      key: `faults-webhook-${stamp}-${name}`,
      method: 'POST',
      path: '/webhooks',
      body: { url: `${webhook.url}/${name}`, eventTypes: types, description: `fault run ${name}` },
    });
    if (answer.status !== 201) throw new Error(`webhook: ${answer.status} ${JSON.stringify(answer.answer)}`);
    subscriptions.push({ id: answer.answer.id, path: `/${name}`, types });
  }
  return subscriptions;
}

async function injectFaults(platform, schedule, loadStarted) {
  const done = [];
  // An app killed is started again at once; the next fault does not wait for it to be ready (a
  // consumer's rejoin waits out the dead member's session), only the next fault to the same app does.
  const recovering = new Map();
  for (const fault of schedule) {
    const wait = loadStarted + fault.atMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (fault.app) await recovering.get(fault.app);
    const began = Date.now();
    const label = fault.app ? `${fault.kind} ${fault.app}` : fault.kind;
    log(`fault: ${label}`);
    const record = { ...fault };
    done.push(record);
    const back = () => {
      record.seconds = (Date.now() - began) / 1000;
      log(`  ${label} back after ${record.seconds.toFixed(1)} s`);
    };
    if (fault.kind === 'sigkill') recovering.set(fault.app, platform.kill(fault.app).then(back));
    else if (fault.kind === 'pause')
      recovering.set(fault.app, platform.pause(fault.app, fault.ms).then(back));
    else if (fault.kind === 'kafka-restart') await platform.restartKafka().then(back);
    else if (fault.kind === 'postgres-restart') await platform.restartPostgres().then(back);
    else if (fault.kind === 'poison') {
      record.ids = await platform.poison(fault.count);
      back();
    }
  }
  await Promise.all(recovering.values());
  return done;
}

function table(report) {
  const faults = Map.groupBy(report.faults, (f) => f.kind);
  const lines = [
    `fault run ${report.date}  profile ${report.profile}  seed ${report.seed}  ${report.seconds} s`,
    '',
    '| faults injected      | count |',
    '| -------------------- | ----: |',
    ...['sigkill', 'kafka-restart', 'postgres-restart', 'pause', 'poison'].map(
      (k) => `| ${k.padEnd(20)} | ${String(faults.get(k)?.length ?? 0).padStart(5)} |`,
    ),
    '',
    '| commands             | count |',
    '| -------------------- | ----: |',
    ...Object.entries(report.commands).map(([k, v]) => `| ${k.padEnd(20)} | ${String(v).padStart(5)} |`),
    '',
    '| effects              | count |',
    '| -------------------- | ----: |',
    ...Object.entries(report.effects).map(([k, v]) => `| ${k.padEnd(20)} | ${String(v).padStart(5)} |`),
    `| lag recovery (s)     | ${String(report.recoverySeconds ?? 'over').padStart(5)} |`,
    `| recovery bound (s)   | ${String(report.recoveryBound).padStart(5)} |`,
    `| apps crashed (own)   | ${String(report.crashes.length).padStart(5)} |`,
  ];
  return lines.join('\n');
}

async function main() {
  fs.mkdirSync(RUN_DIR, { recursive: true });
  log(
    `profile ${profileName}, seed ${seed} (replay: --seed ${seed}); logs in ${path.relative(ROOT, RUN_DIR)}`,
  );
  await stopLeftoverBrokers(OUT, log);
  const build = spawnSync(process.execPath, [path.join(ROOT, 'tools/build.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('build failed');
  const webhook = await startWebhookReceiver();
  const smtp = await startSmtpSink();
  const platform = new FaultPlatform({
    dir: RUN_DIR,
    log,
    extraEnv: (name) => ({
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_IP: '1000000',
      RATE_LIMIT_PER_USER: '1000000',
      RATE_LIMIT_LOGIN_PER_IP: '1000000',
      IDEMPOTENCY_KEYS_PER_USER: '1000000',
      ...(name === 'partnerships' ? { DETECTION_INTERVAL_MS: '0' } : {}),
      ...(name === 'notifications'
        ? {
            SMTP_HOST: '127.0.0.1',
            SMTP_PORT: String(smtp.port),
            WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
            WEBHOOKS_ALLOW_HTTP: 'true',
            DELIVERY_INTERVAL_MS: '50',
            DELIVERY_RETRY_BASE_MS: '500',
            DELIVERY_RETRY_CAP_MS: '5000',
            WEBHOOK_RETRY_BASE_MS: '500',
            WEBHOOK_RETRY_CAP_MS: '5000',
          }
        : {}),
    }),
  });
  let exitCode;
  const onSignal = () => void platform.stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Whatever breaks the run itself must still stop the apps, the broker and the cluster it started.
  process.once('uncaughtException', (error) => {
    console.error(`[faults] FAIL ${error?.stack ?? error}`);
    void platform.stop().finally(() => process.exit(1));
  });
  try {
    log('starting Kafka and PostgreSQL of this run');
    await platform.startInfra();
    log(`Kafka ${platform.kafka.brokers}, PostgreSQL port ${platform.postgres.port}; starting the apps`);
    await platform.startApps();
    const kafka = kafkaClient(platform.kafka.brokers);
    const client = new Client(platform.url('gateway'), LOCAL_ADMIN);
    const { cities, commissions } = await setup(client, platform);
    const subscriptions = await subscribe(client, webhook);
    const random = prng(seed);
    const stream = new CommandStream({
      random: prng(seed ^ 0x5eed),
      run: stamp.slice(11, 19).replace(/-/g, ''),
      cities,
      commissions,
    });
    const records = [];
    const schedule = faultSchedule(random, {
      apps: ['gateway', 'cities', 'partnerships', 'commissions', 'notifications'],
      consumers: CONSUMERS,
      killsPerApp: profile.killsPerApp,
      windowMs: profile.windowMs,
      gapMs: profile.gapMs,
      pauseMs: SESSION_TIMEOUT_MS + 8_000,
      poison: profile.poison,
    });
    log(`load and ${schedule.length} faults over ${profile.windowMs / 1000} s`);
    let stop = false;
    const loadStarted = Date.now();
    const load = driveLoad({
      client,
      stream,
      workers: profile.workers,
      rate: Number(argument('rate', profile.rate)),
      shouldStop: () => stop,
      records,
    });
    const faults = await injectFaults(platform, schedule, loadStarted);
    // A little load after the last fault, so what recovered is seen to serve again.
    const tail = Date.now() + 5_000;
    while (Date.now() < tail) await new Promise((resolve) => setTimeout(resolve, 250));
    stop = true;
    await load;
    log(`load stopped: ${records.length} commands; waiting for the platform to drain`);
    const recovery = await awaitRecovery(platform, kafka, profile.recoveryBound, log);
    log(`drained in ${recovery.seconds ?? 'more than ' + profile.recoveryBound} s; reading the topics`);
    const messages = await readTopics(kafka);
    const { tally, findings } = await reconcile({
      platform,
      records,
      messages,
      webhook,
      smtp,
      subscriptions,
      // Every group that reads the cities topic, where the poison went.
      poison: { ids: faults.flatMap((f) => f.ids ?? []), groups: CONSUMERS },
    });
    const byStatus = (test) => records.filter((r) => test(r.status)).length;
    const report = {
      date: new Date(started).toISOString(),
      profile: profileName,
      seed,
      seconds: Math.round((Date.now() - started) / 1000),
      faults: faults.map(({ kind, app, atMs, seconds, count }) => ({ kind, app, atMs, seconds, count })),
      commands: {
        sent: records.length,
        accepted: byStatus((s) => s >= 200 && s < 300),
        refused: byStatus((s) => s >= 400 && s < 500),
        unanswered: byStatus((s) => s === 0 || s >= 500),
        retried: records.filter((r) => r.attempts.length > 1).length,
        ...Object.fromEntries([...Map.groupBy(records, (r) => r.kind)].map(([k, v]) => [`  ${k}`, v.length])),
      },
      effects: tally,
      events: messages.length,
      webhookArrivals: webhook.received.length,
      emailArrivals: smtp.received.length,
      crashes: platform.crashes,
      recoverySeconds: recovery.seconds,
      recoveryBound: profile.recoveryBound,
      findings: findings.slice(0, 200),
      findingsTotal: findings.length,
    };
    const file = path.join(OUT, `${stamp}.json`);
    fs.writeFileSync(file, `${JSON.stringify({ ...report, records }, null, 2)}\n`);
    console.log(`\n${table(report)}\n`);
    for (const c of platform.crashes)
      console.log(`[faults] crash: ${c.app} exited by itself (code ${c.code}) at ${c.at}`);
    for (const f of findings.slice(0, 20))
      console.log(`[faults] ${f.kind}: ${f.what} ${f.command ?? ''} ${JSON.stringify(f.detail)}`);
    log(`report in ${path.relative(ROOT, file)}`);
    exitCode =
      tally.lost === 0 && tally.doubled === 0 && recovery.seconds !== null && report.commands.unanswered === 0
        ? 0
        : 1;
    log(exitCode === 0 ? 'nothing lost, nothing doubled' : 'FAILED');
  } finally {
    await platform.stop();
    await webhook.close();
    await smtp.close();
  }
  process.exit(exitCode);
}

main().catch((error) => {
  console.error(`[faults] FAIL ${error?.stack ?? error}`);
  process.exit(1);
});
