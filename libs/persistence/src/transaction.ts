import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, type QueryRunner } from 'typeorm';

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

/** What happens at the edges of a {@link TransactionRunner.runShared} transaction. */
export interface SharedTransactionHooks<T> {
  /** First thing in the transaction, once the work's first `run` opens it (take a lock, say). */
  onOpen?: (tx: Tx) => Promise<void>;
  /** Last thing in it, with the work's result, before it commits (in one opened for it if need be). */
  beforeCommit?: (tx: Tx, result: T) => Promise<void>;
}

interface SharedScope {
  opening?: Promise<{ runner: QueryRunner; tx: Tx }>;
  onOpen?: (tx: Tx) => Promise<void>;
}

/** The scope of {@link TransactionRunner.runShared}, whose transaction every `run` inside it joins. */
const shared = new AsyncLocalStorage<SharedScope>();

/**
 * Runs work in one database transaction and hands it the transaction to pass on. Services depend on
 * this instead of on TypeORM's DataSource, so they can be unit-tested with a fake that just calls `work`.
 */
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const scope = shared.getStore();
    if (scope !== undefined) return work((await this.openShared(scope)).tx);
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
   * Runs `work` so that every {@link run} inside it (in the same async context) joins one READ
   * COMMITTED transaction instead of opening its own: so something around a use case (the answer of a
   * command, kept for its replay) commits with the use case's writes or not at all. The transaction
   * opens at the first `run`, not before, and commits when `work` has returned (after `beforeCommit`);
   * it rolls back if either throws. So a connection is held only from the use case's first write on,
   * as without this, and reads the use case makes before it take a connection of their own as before.
   * Work that asks `run` for another isolation level gets this one's.
   */
  async runShared<T>(work: () => Promise<T>, hooks: SharedTransactionHooks<T> = {}): Promise<T> {
    const scope: SharedScope = hooks.onOpen ? { onOpen: hooks.onOpen } : {};
    let opened: { runner: QueryRunner; tx: Tx } | undefined;
    try {
      const result = await shared.run(scope, work);
      // Work that wrote nothing through `run` still gets a transaction for `beforeCommit`.
      if (scope.opening !== undefined || hooks.beforeCommit !== undefined)
        opened = await this.openShared(scope);
      if (opened !== undefined) {
        await hooks.beforeCommit?.(opened.tx, result);
        await opened.runner.commitTransaction();
      }
      return result;
    } catch (error) {
      opened ??= await scope.opening?.catch(() => undefined);
      if (opened?.runner.isTransactionActive)
        await opened.runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      opened ??= await scope.opening?.catch(() => undefined);
      await opened?.runner.release();
    }
  }

  private openShared(scope: SharedScope): Promise<{ runner: QueryRunner; tx: Tx }> {
    scope.opening ??= (async () => {
      const runner = this.dataSource.createQueryRunner();
      try {
        await runner.connect();
        await runner.startTransaction('READ COMMITTED');
        await scope.onOpen?.(runner.manager);
        return { runner, tx: runner.manager };
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
        throw error;
      }
    })();
    return scope.opening;
  }
}

export { sqlState };
