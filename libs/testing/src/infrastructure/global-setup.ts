import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { registerTestRun } from './test-runs';

const ROOT = path.resolve(__dirname, '../../../..');

interface InfraAddresses {
  kafkaBrokers: string;
  databaseUrl: string;
}

function infra(command: 'up' | 'env'): string {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'tools/infra/cli.mjs'), command], {
    encoding: 'utf8',
    stdio: command === 'up' ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0)
    throw new Error(`the test infrastructure is not available (infra ${command} failed)`);
  return result.stdout;
}

/** Set to this process's id once it prepared the infrastructure (see {@link globalSetup}). */
export const PREPARED_VARIABLE = 'C2C_TEST_INFRA_PREPARED_BY';

/**
 * Once per jest run: bring Kafka and PostgreSQL up through the repository's own scripts (a no-op when
 * they already run, or when KAFKA_BROKERS / DATABASE_URL point elsewhere) and tell every worker where
 * they are. Workers inherit this process's environment. Jest runs the global setup of each project
 * whose path differs (the browser tier has its own, which calls this one): the second call in the
 * same process does nothing, so the run keeps one id.
 */
export default function globalSetup(): void {
  if (process.env[PREPARED_VARIABLE] === String(process.pid)) return;
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    // A bare `jest` finds the system Node first; npm scripts put the project's Node 24 first on PATH.
    throw new Error(`the tests need Node 24 (this is ${process.version}): run them with npm test`);
  }
  prepareTestInfrastructure();
  process.env[PREPARED_VARIABLE] = String(process.pid);
}

/** The same preparation for scripts that run outside jest (benchmarks). */
export function prepareTestInfrastructure(): void {
  // Before any topic is made: the prefixes carry the run's id, which the workers inherit.
  registerTestRun();
  infra('up');
  const addresses = JSON.parse(infra('env')) as InfraAddresses;
  process.env.C2C_TEST_KAFKA_BROKERS = addresses.kafkaBrokers;
  process.env.C2C_TEST_ADMIN_DATABASE_URL = addresses.databaseUrl;
}
