// Where the local infrastructure lives and how it is reached. The defaults match DESIGN.md
// ("Local and production runtime"); KAFKA_BROKERS and DATABASE_URL point at existing services instead.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LOCAL = path.join(ROOT, '.local');
export const STATE_FILE = path.join(LOCAL, 'infra-state.json');

export const KAFKA_VERSION = '4.1.1';
export const KAFKA_DIR = path.join(LOCAL, 'kafka');

export const LOCAL_KAFKA = { host: '127.0.0.1', port: 9092, controllerPort: 9093 };
export const LOCAL_POSTGRES = {
  host: '127.0.0.1',
  port: 5433,
  // The local cluster's superuser; each app gets its own role from the bootstrap step.
  user: 'c2c_admin',
  password: 'c2c_admin',
  database: 'c2c',
};
export const POSTGRES_DIR = path.join(LOCAL, 'postgres');

export function localDatabaseUrl() {
  const p = LOCAL_POSTGRES;
  return `postgres://${p.user}:${p.password}@${p.host}:${p.port}/${p.database}`;
}

/** The addresses the platform and tests use: the given variables, or the local services. */
export function infraAddresses(env = process.env) {
  return {
    kafkaBrokers: env.KAFKA_BROKERS || `${LOCAL_KAFKA.host}:${LOCAL_KAFKA.port}`,
    databaseUrl: env.DATABASE_URL || localDatabaseUrl(),
    kafkaExternal: Boolean(env.KAFKA_BROKERS),
    postgresExternal: Boolean(env.DATABASE_URL),
  };
}
