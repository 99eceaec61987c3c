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
import { type BestPractice, publish } from '../best-practice';
import { practicePublishedData } from '../best-practice.events';
import { reviewBy } from '../best-practice.policy';
import { assertReviewCommission, loadPractice } from '../best-practice.rules';
import { BEST_PRACTICE_STORE, type BestPracticeStore } from '../ports';

/** A reviewer publishes a submitted practice: it is in the library, and practice transfers may name it. */
@Injectable()
export class PublishBestPractice {
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
    commissionId: string | undefined,
    expectedVersion?: number,
  ): Promise<BestPractice> {
    const review = reviewBy(user, commissionId);
    return this.transactions.run(async (tx) => {
      await assertReviewCommission(this.commissions, tx, review);
      const practice = await loadPractice(this.practices, tx, id, expectedVersion);
      if (practice.status !== 'submitted') throw CommissionError.practiceNotSubmitted(id, practice.status);
      const published = publish(practice, review, this.clock.now());
      await this.practices.update(tx, published);
      await this.outbox.add(tx, 'c2c.best-practice.published.v1', practicePublishedData(published), {
        aggregateId: id,
      });
      return published;
    });
  }
}
