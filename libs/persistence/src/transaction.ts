import { AsyncLocalStorage } from 'node:async_hooks';
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

/** The transaction of {@link TransactionRunner.runJoined}, which every `run` inside it joins. */
const joinable = new AsyncLocalStorage<Tx>();

/**
 * Runs work in one database transaction and hands it the transaction to pass on. Services depend on
 * this instead of on TypeORM's DataSource, so they can be unit-tested with a fake that just calls `work`.
 */
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const joined = joinable.getStore();
    if (joined !== undefined) return work(joined);
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

  /**
   * Runs work in one READ COMMITTED transaction that every {@link run} called inside it (in the same
   * async context) joins instead of opening its own: so something around a use case (the answer of a
   * command kept for its replay) commits with it or not at all. Work that asks `run` for another
   * isolation level gets this one's.
   */
  async runJoined<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', (tx) => joinable.run(tx, () => work(tx)));
  }
}

export { sqlState };
