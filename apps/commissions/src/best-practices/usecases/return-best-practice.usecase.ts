import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { CommissionError } from '../../commissions/commission.errors';
import {
  COMMISSION_STORE,
  type CommissionStore,
  type EventOutbox,
  type Transactions,
} from '../../commissions/usecases/ports';
import { type BestPractice, returnWithComments } from '../best-practice';
import { practiceReturnedData } from '../best-practice.events';
import { reviewBy } from '../best-practice.policy';
import { assertReviewCommission, loadPractice } from '../best-practice.rules';
import { BEST_PRACTICE_STORE, type BestPracticeStore } from '../ports';

/** A reviewer returns a submitted practice to its city with comments; the city may revise it. */
@Injectable()
export class ReturnBestPractice {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(BEST_PRACTICE_STORE) private readonly practices: BestPracticeStore,
    @Inject(COMMISSION_STORE) private readonly commissions: CommissionStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    input: { commissionId?: string; comments: string },
    expectedVersion?: number,
  ): Promise<BestPractice> {
    const review = reviewBy(user, input.commissionId);
    return this.transactions.run(async (tx) => {
      await assertReviewCommission(this.commissions, tx, review);
      const practice = await loadPractice(this.practices, tx, id, expectedVersion);
      if (practice.status !== 'submitted') throw CommissionError.practiceNotSubmitted(id, practice.status);
      const returned = returnWithComments(practice, review, input.comments, this.clock.now());
      await this.practices.update(tx, returned);
      await this.outbox.add(
        tx,
        'c2c.best-practice.returned.v1',
        practiceReturnedData(returned, input.comments),
        { aggregateId: id },
      );
      return returned;
    });
  }
}
