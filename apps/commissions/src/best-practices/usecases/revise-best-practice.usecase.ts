import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { CommissionError } from '../../commissions/commission.errors';
import { assertActsForCity } from '../../commissions/commission.policy';
import type { EventOutbox, Transactions } from '../../commissions/usecases/ports';
import { type BestPractice, type PracticeContent, submitAgain } from '../best-practice';
import { practiceSubmittedData } from '../best-practice.events';
import { loadPractice } from '../best-practice.rules';
import { BEST_PRACTICE_STORE, type BestPracticeStore } from '../ports';

/**
 * Its city revises a practice not yet published (typically one returned with comments): the whole
 * content is replaced and it is submitted again, for a reviewer to see anew.
 */
@Injectable()
export class ReviseBestPractice {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(BEST_PRACTICE_STORE) private readonly practices: BestPracticeStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    content: PracticeContent,
    expectedVersion: number | undefined,
  ): Promise<BestPractice> {
    return this.transactions.run(async (tx) => {
      const current = await loadPractice(this.practices, tx, id, undefined);
      assertActsForCity(user, current.cityId, 'revise its best practices');
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw CommissionError.versionMismatch(`best practice ${id}`, current.version);
      }
      if (current.status === 'published') throw CommissionError.practicePublished(id);
      const revised = submitAgain(current, content, this.clock.now());
      await this.practices.update(tx, revised);
      await this.outbox.add(tx, 'c2c.best-practice.submitted.v1', practiceSubmittedData(revised), {
        aggregateId: id,
      });
      return revised;
    });
  }
}
