export { SnakeNamingStrategy } from './naming-strategy';
export { createServiceDataSource, runMigrations, type ServiceDataSourceOptions } from './service-data-source';
export { provisionServiceDatabase, serviceDatabaseUrl, type ServiceDatabaseSpec } from './provision';
export {
  TransactionRunner,
  sqlState,
  type Tx,
  type SharedTransactionHooks,
  type TransactionOptions,
  type IsolationLevel,
} from './transaction';
export { PersistenceModule } from './nest/persistence.module';
export { isTransientInfrastructureError } from './transient-errors';
export { RunsOwnTransactions, RUNS_OWN_TRANSACTIONS } from './nest/runs-own-transactions.decorator';
