import { DataSource, EntityManager } from 'typeorm';

/** A unit of work: every repository call and outbox write that must commit together takes one. */
export type Tx = EntityManager;

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

export interface TransactionOptions {
  isolation?: IsolationLevel;
  /** Retries on serialization failures and deadlocks, which PostgreSQL asks the client to retry. */
  retries?: number;
}

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const driverError = (error as { driverError?: { code?: unknown }; code?: unknown }).driverError ?? error;
  const code = (driverError as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs work in one database transaction and hands it the transaction to pass on. Services depend on
 * this instead of on TypeORM's DataSource, so they can be unit-tested with a fake that just calls `work`.
 */
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const { isolation = 'READ COMMITTED', retries = isolation === 'READ COMMITTED' ? 0 : 3 } = options;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.dataSource.transaction(isolation, work);
      } catch (error) {
        const state = sqlState(error);
        if (attempt >= retries || state === undefined || !RETRYABLE_SQLSTATES.has(state)) throw error;
      }
    }
  }
}

export { sqlState };
