#!/usr/bin/env node
// npm run infra:up | infra:down | infra:status | infra:logs — the local Kafka and PostgreSQL.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { KAFKA_VERSION, LOCAL, infraAddresses } from './config.mjs';
import {
  fetchKafkaArtifacts,
  kafkaLogFile,
  kafkaPrerequisites,
  kafkaResponds,
  localKafkaPid,
  startLocalKafka,
  stopLocalKafka,
} from './kafka.mjs';
import {
  instanceUrl,
  localPostgresPid,
  postgresInstance,
  postgresDir,
  postgresLogFile,
  postgresPrerequisites,
  postgresResponds,
  startLocalPostgres,
  stopLocalPostgres,
} from './postgres.mjs';
import { readOrigin, relocationBases } from './placement.mjs';
import { InfraError } from './process.mjs';

const log = (message) => console.log(`[infra] ${message}`);
const reachable = (check) =>
  check().then(
    () => true,
    () => false,
  );

export async function up() {
  const { kafkaBrokers, databaseUrl, kafkaExternal, postgresExternal } = infraAddresses();
  // A service already answering at the address is used as it is, whoever started it; `down` leaves
  // alone what this checkout did not start.
  const kafkaRunning = await reachable(() => kafkaResponds(kafkaBrokers));
  const postgresRunning = await reachable(() => postgresResponds(databaseUrl));
  const origin = (external, pid) =>
    external ? ' (from the environment)' : pid ? '' : ' (not started by this checkout)';

  if (kafkaExternal && !kafkaRunning)
    throw new InfraError(`KAFKA_BROKERS=${kafkaBrokers} is set but no broker answers there`);
  if (postgresExternal && !postgresRunning)
    throw new InfraError(`DATABASE_URL is set but PostgreSQL does not answer at ${redact(databaseUrl)}`);

  const missing = [
    ...(kafkaRunning ? [] : kafkaPrerequisites()),
    ...(postgresRunning ? [] : postgresPrerequisites()),
  ];
  if (missing.length > 0) {
    throw new InfraError(
      [
        `cannot start the local infrastructure; missing: ${missing.join(', ')}.`,
        'Either:',
        '  - install it (Debian: apt-get install openjdk-17-jre-headless maven postgresql), or',
        '  - run the services in Docker: docker compose up -d kafka postgres, then set the variables below, or',
        '  - point at running services: KAFKA_BROKERS=host:9092 DATABASE_URL=postgres://user:pass@host:5432/db',
      ].join('\n'),
    );
  }

  if (kafkaRunning)
    log(`Kafka already up at ${kafkaBrokers}${origin(kafkaExternal, localKafkaPid())}; nothing to do`);
  else {
    fetchKafkaArtifacts(log);
    await startLocalKafka(log);
    log(`Kafka ${KAFKA_VERSION} ready at ${kafkaBrokers}`);
  }
  if (postgresRunning)
    log(
      `PostgreSQL already up at ${redact(databaseUrl)}${origin(postgresExternal, localPostgresPid())}; nothing to do`,
    );
  else {
    await startLocalPostgres(log);
    log(`PostgreSQL ready at ${redact(databaseUrl)}`);
  }
}

export async function down() {
  const kafka = await stopLocalKafka();
  log(kafka ? 'Kafka stopped' : 'Kafka was not started here; nothing to stop');
  const postgres = stopLocalPostgres();
  log(postgres ? 'PostgreSQL stopped' : 'PostgreSQL was not started here; nothing to stop');
  // Fault tests start clusters of their own; one whose test was killed is stopped here.
  const disposable = path.join(LOCAL, 'disposable-postgres');
  if (fs.existsSync(disposable)) {
    for (const name of fs.readdirSync(disposable)) {
      const dir = path.join(disposable, name);
      const instance = postgresInstance(dir, 0);
      if (stopLocalPostgres(instance)) log(`stopped a test's leftover PostgreSQL in ${name}`);
      fs.rmSync(instance.dir, { recursive: true, force: true });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  removeOrphanedRelocations(disposable);
}

// A test that destroys its relocated cluster removes only its own directory under .local; the
// relocated one, which names its origin, is removed here once that origin is gone.
function removeOrphanedRelocations(disposable) {
  for (const base of relocationBases()) {
    if (!fs.existsSync(base)) continue;
    for (const name of fs.readdirSync(base).filter((n) => n.startsWith('c2c-postgres-'))) {
      const dir = path.join(base, name);
      const requested = readOrigin(dir);
      if (!requested?.startsWith(`${disposable}${path.sep}`) || fs.existsSync(requested)) continue;
      if (stopLocalPostgres(postgresInstance(dir, 0))) log(`stopped a test's leftover PostgreSQL in ${dir}`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function status() {
  const { kafkaBrokers, databaseUrl, kafkaExternal, postgresExternal } = infraAddresses();
  const kafkaUp = await reachable(() => kafkaResponds(kafkaBrokers));
  const kafkaOrigin = kafkaExternal ? 'external (KAFKA_BROKERS)' : `local, pid ${localKafkaPid() ?? '-'}`;
  console.log(
    `kafka      ${kafkaUp ? 'up  ' : 'down'}  ${kafkaBrokers}  ${kafkaExternal ? 'version unknown' : `Apache Kafka ${KAFKA_VERSION}`}  ${kafkaOrigin}`,
  );
  const version = await postgresResponds(databaseUrl).catch(() => null);
  const postgresOrigin = postgresExternal
    ? 'external (DATABASE_URL)'
    : `local, pid ${localPostgresPid() ?? '-'}, cluster in ${postgresDir()}`;
  console.log(
    `postgres   ${version ? 'up  ' : 'down'}  ${redact(databaseUrl)}  ${version ? `PostgreSQL ${version}` : 'version unknown'}  ${postgresOrigin}`,
  );
  return kafkaUp && Boolean(version);
}

function logs(follow) {
  const files = [kafkaLogFile(), postgresLogFile()].filter((file) => fs.existsSync(file));
  if (files.length === 0) return log('no local logs yet: the local services have not run here');
  spawnSync('tail', [follow ? '-F' : '-n', ...(follow ? [] : ['60']), ...files], { stdio: 'inherit' });
}

export function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function main(command) {
  switch (command) {
    case 'up':
      return up();
    case 'down':
      return down();
    case 'status':
      process.exitCode = (await status()) ? 0 : 1;
      return;
    case 'postgres-instance': {
      // For fault tests: a disposable cluster of their own that they stop and start at will.
      const [, , , action, dir, port] = process.argv;
      const instance = postgresInstance(dir, Number(port));
      if (action === 'start') await startLocalPostgres(() => undefined, instance);
      else if (action === 'stop') stopLocalPostgres(instance);
      else throw new InfraError('usage: postgres-instance start|stop <dir> <port>');
      process.stdout.write(`${JSON.stringify({ url: instanceUrl(instance) })}\n`);
      return;
    }
    case 'env':
      // For the test harness: where the services are, as JSON.
      process.stdout.write(`${JSON.stringify(infraAddresses())}\n`);
      return;
    case 'logs':
      return logs(process.argv.includes('-f') || process.argv.includes('--follow'));
    default:
      throw new InfraError(`unknown command "${command ?? ''}"; use up, down, status, logs or env`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv[2]).catch((error) => {
    if (error instanceof InfraError) console.error(`[infra] ${error.message}`);
    else console.error(`[infra] unexpected failure: ${error?.stack ?? error}`);
    process.exitCode = 1;
  });
}
