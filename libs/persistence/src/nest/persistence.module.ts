import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ReadinessChecks } from '@c2c/platform';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { watchPool } from '../pool-metrics';
import { createServiceDataSource, runMigrations, ServiceDataSourceOptions } from '../service-data-source';
import { TransactionRunner } from '../transaction';
import { isTransientInfrastructureError } from '../transient-errors';

const OPTIONS = Symbol('PersistenceOptions');
/** How long a starting app waits for its database to come (back) before it gives up and exits. */
const STARTUP_WAIT_MS = 60_000;

/**
 * Connects and migrates, waiting while the database is unavailable (restarting, not yet accepting
 * connections): an app started beside a restarting database comes up once the database is back,
 * instead of exiting and leaving the wait to its supervisor. Any other error ends the start at once.
 */
export async function connectAndMigrate(
  opts: ServiceDataSourceOptions,
  waitMs = STARTUP_WAIT_MS,
): Promise<DataSource> {
  const logger = new Logger('Database');
  const deadline = Date.now() + waitMs;
  for (let attempt = 1; ; attempt++) {
    const dataSource = createServiceDataSource(opts);
    try {
      await dataSource.initialize();
      await runMigrations(dataSource, opts.schema);
      return dataSource;
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
      if (!isTransientInfrastructureError(error) || Date.now() >= deadline) throw error;
      const wait = Math.min(250 * 2 ** attempt, 5_000);
      logger.warn({ err: error }, `the database is unavailable at start; trying again in ${wait} ms`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

@Injectable()
class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The service's database: connects with the service's own role, applies pending migrations before
 * anything else starts, and makes PostgreSQL part of readiness.
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: ServiceDataSourceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: DataSource,
          inject: [OPTIONS, ReadinessChecks, { token: Registry, optional: true }],
          useFactory: async (
            opts: ServiceDataSourceOptions,
            readiness: ReadinessChecks,
            registry: Registry | undefined,
          ) => {
            const dataSource = await connectAndMigrate(opts);
            readiness.register('postgres', async () => {
              await dataSource.query('select 1');
            });
            if (registry) watchPool(dataSource, registry);
            return dataSource;
          },
        },
        {
          provide: TransactionRunner,
          inject: [DataSource],
          useFactory: (ds: DataSource) => new TransactionRunner(ds),
        },
        DataSourceLifecycle,
      ],
      exports: [DataSource, TransactionRunner],
    };
  }
}
