import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { RunsOwnTransactions, type TransactionRunner, type Tx } from '@c2c/persistence';
import { lastValueFrom, of } from 'rxjs';
import { CommandReplayInterceptor } from './command-replay.interceptor';
import { CommandAnswersRepository } from './command-answers.repository';

class Commands {
  create(): void {}
  @RunsOwnTransactions()
  replay(): void {}
}

/**
 * A transaction runner whose one transaction records its statements: a claim succeeds unless `kept`
 * holds the answer of an earlier run, which a read then finds. Its `runShared` opens the transaction
 * before the work, as a use case whose first step writes does.
 */
function fakeTransactions(kept: unknown[] = []) {
  const statements: { sql: string; params: unknown[] }[] = [];
  let joined = 0;
  const tx = {
    query: (sql: string, params: unknown[]) => {
      statements.push({ sql, params });
      if (sql.trim().startsWith('insert into')) return Promise.resolve(kept.length > 0 ? [] : [{}]);
      return Promise.resolve(sql.trim().startsWith('select headers') ? kept : []);
    },
  } as unknown as Tx;
  const transactions = {
    runShared: async <T>(
      work: () => Promise<T>,
      hooks: { onOpen?: (tx: Tx) => Promise<void>; beforeCommit?: (tx: Tx, result: T) => Promise<void> },
    ) => {
      joined++;
      await hooks.onOpen?.(tx);
      const result = await work();
      await hooks.beforeCommit?.(tx, result);
      return result;
    },
  } as unknown as TransactionRunner;
  return { transactions, reads: tx, statements, joined: () => joined };
}

function httpContext(handler: 'create' | 'replay', headers: Record<string, string>) {
  const replyHeaders: Record<string, string> = {};
  const request = {
    method: 'POST',
    url: '/cities',
    headers,
    body: { name: 'Erdenet' },
    user: { userId: 'user-1' },
  };
  const reply = {
    header: (name: string, value: string) => {
      replyHeaders[name] = value;
    },
    getHeader: (name: string) => replyHeaders[name],
  };
  const context = new ExecutionContextHost([request, reply], Commands, Commands.prototype[handler]);
  return { context, replyHeaders };
}

describe(CommandReplayInterceptor.name, () => {
  it('runs a keyed command in one transaction with the keeping of its answer', async () => {
    const fake = fakeTransactions();
    const interceptor = new CommandReplayInterceptor(
      fake.transactions,
      new CommandAnswersRepository('cities'),
      new Reflector(),
      fake.reads,
    );
    const { context, replyHeaders } = httpContext('create', { 'idempotency-key': 'k-1' });
    const answer = interceptor.intercept(context, {
      handle: () => {
        replyHeaders.location = '/cities/42';
        return of({ id: '42' });
      },
    });

    expect(await lastValueFrom(answer)).toEqual({ id: '42' });
    expect(fake.joined()).toBe(1);
    const [claim, keep] = fake.statements;
    expect(claim?.sql).toContain('insert into "cities".command_answers');
    expect(claim?.params).toEqual(['user-1', 'k-1', expect.any(String)]);
    expect(keep?.sql).toContain('update "cities".command_answers');
    expect(keep?.params.slice(3)).toEqual([JSON.stringify({ location: '/cities/42' }), '{"id":"42"}']);
  });

  it('answers a command answered before with that answer, and writes nothing', async () => {
    const fake = fakeTransactions([{ headers: { location: '/cities/42' }, body: { id: '42' } }]);
    const interceptor = new CommandReplayInterceptor(
      fake.transactions,
      new CommandAnswersRepository('cities'),
      new Reflector(),
      fake.reads,
    );
    const { context, replyHeaders } = httpContext('create', { 'idempotency-key': 'k-1' });
    let ran = false;
    const answer = interceptor.intercept(context, {
      handle: () => {
        ran = true;
        return of({ id: 'another' });
      },
    });

    expect(await lastValueFrom(answer)).toEqual({ id: '42' });
    expect(ran).toBe(false);
    expect(replyHeaders).toEqual({ location: '/cities/42' });
    expect(fake.statements.some((statement) => statement.sql.includes('update'))).toBe(false);
  });

  it('leaves commands without the header, and routes that run their own transactions, as they are', async () => {
    const fake = fakeTransactions();
    const interceptor = new CommandReplayInterceptor(
      fake.transactions,
      new CommandAnswersRepository('cities'),
      new Reflector(),
      fake.reads,
    );
    const handler = { handle: () => of('done') };

    const unkeyed = httpContext('create', {}).context;
    expect(await lastValueFrom(interceptor.intercept(unkeyed, handler))).toBe('done');
    const own = httpContext('replay', { 'idempotency-key': 'k-2' }).context;
    expect(await lastValueFrom(interceptor.intercept(own, handler))).toBe('done');
    expect(fake.joined()).toBe(0);
  });
});
