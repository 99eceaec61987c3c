import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy';

type EntityTarget = string | (abstract new (...args: never[]) => unknown) | EntitySchema;
type MigrationClass = new () => unknown;

export interface ServiceDataSourceOptions {
  /** The service's connection string: its own role, which can touch only its own schema. */
  url: string;
  /** The schema the service owns; its migrations table lives there too. */
  schema: string;
  entities: MixedList<EntityTarget>;
  migrations: MigrationClass[];
  /** Shown in pg_stat_activity, so an operator sees which app holds which connection. */
  applicationName: string;
  poolSize?: number;
  statementTimeoutMs?: number;
}

/**
 * A TypeORM data source bound to one service's schema. Schemas change through migrations only:
 * `synchronize` stays off, and migrations run explicitly (see {@link runMigrations}).
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: options.applicationName,
    extra: {
      max: options.poolSize ?? 10,
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      connectionTimeoutMillis: 5_000,
    },
  });
}

/**
 * Applies pending migrations under an advisory lock, so replicas starting together do not race; the
 * second waits and then finds nothing to do.
 */
export async function runMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('select pg_advisory_lock(hashtext($1))', [`migrations:${schema}`]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner
      .query('select pg_advisory_unlock(hashtext($1))', [`migrations:${schema}`])
      .catch(() => undefined);
    await runner.release();
  }
}
