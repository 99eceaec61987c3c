import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { userOf } from '@c2c/auth';
import { Reflector } from '@nestjs/core';
import { RUNS_OWN_TRANSACTIONS, TransactionRunner } from '@c2c/persistence';
import { DataSource } from 'typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defer, lastValueFrom, type Observable } from 'rxjs';
import {
  type CommandAnswer,
  CommandAnswersRepository,
  type CommandIdentity,
  type Queryable,
} from './command-answers.repository';

/** The headers that name a command's result; the rest of the answer is its body. */
const KEPT_HEADERS = ['location', 'etag'] as const;

/**
 * A command (`POST`) that carries an `Idempotency-Key` has its effects once, however often it
 * arrives: every `TransactionRunner.run` of the handler joins one transaction
 * (`TransactionRunner.runShared`), in which its answer is kept, so the answer is kept exactly when the
 * effects commit; a copy of the command (same caller, key, path and body) gets that answer at its
 * first write instead of writing, and one that arrives while the first runs waits for it there. The gateway forgets a key whose forward failed (a `504` after its
 * upstream timeout, a crash of its own): it cannot know whether the service acted, so this is where a
 * retry of such a command is recognised. Commands without the header run as before, and so do routes
 * marked `@RunsOwnTransactions()` (a dead-letter replay), whose transactions must stay apart.
 */
@Injectable()
export class CommandReplayInterceptor implements NestInterceptor {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly answers: CommandAnswersRepository,
    private readonly reflector: Reflector,
    @Inject(DataSource) private readonly reads: Queryable,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const own = this.reflector.getAllAndOverride<boolean | undefined>(RUNS_OWN_TRANSACTIONS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (own === true) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const command = identityOf(request);
    if (command === undefined) return next.handle();
    const reply = http.getResponse<FastifyReply>();
    const replay = (kept: CommandAnswer): unknown => {
      for (const [name, value] of Object.entries(kept.headers)) void reply.header(name, value);
      return kept.body;
    };
    return defer(async () => {
      try {
        return await this.transactions.runShared<unknown>(
          () => lastValueFrom(next.handle() as Observable<unknown>, { defaultValue: undefined }),
          {
            // At the use case's first write: the command is claimed, or it was answered before (a
            // retry), or a copy running beside this one answers it first (waiting here till then).
            onOpen: async (tx) => {
              if (await this.answers.claim(tx, command)) return;
              const first = await this.answers.find(tx, command);
              if (first === undefined) throw new Error('a claimed command has no answer');
              throw new AnsweredBefore(first);
            },
            beforeCommit: (tx, body) => this.answers.keep(tx, command, { headers: keptHeaders(reply), body }),
          },
        );
      } catch (error) {
        if (error instanceof AnsweredBefore) return replay(error.answer);
        // A retry refused before its first write (its own first run's effects found by a read: a
        // duplicate city) answers as the first run did.
        const first = await this.answers.find(this.reads, command).catch(() => undefined);
        if (first !== undefined) return replay(first);
        throw error;
      }
    });
  }
}

/** Thrown at a command's first write when it has an answer already: it must not run again. */
class AnsweredBefore extends Error {
  constructor(readonly answer: CommandAnswer) {
    super('this command was answered before');
  }
}

function keptHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = reply.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/** The command's identity, or undefined when it is not a keyed command of a signed-in caller. */
function identityOf(request: FastifyRequest): CommandIdentity | undefined {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  const user = userOf(request);
  if (request.method !== 'POST' || key === undefined || user === undefined) return undefined;
  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('base64url');
  return { userId: user.userId, key, requestHash };
}
