import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ReadinessChecks } from '@c2c/platform';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { watchPool } from '../pool-metrics';
import { createServiceDataSource, runMigrations, ServiceDataSourceOptions } from '../service-data-source';
import { TransactionRunner } from '../transaction';

const OPTIONS = Symbol('PersistenceOptions');

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
            const dataSource = createServiceDataSource(opts);
            await dataSource.initialize();
            await runMigrations(dataSource, opts.schema);
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
