import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { assertActsForCity } from '../../commissions/commission.policy';
import {
  CITY_STORE,
  type CityStore,
  type EventOutbox,
  type Transactions,
} from '../../commissions/usecases/ports';
import type { BestPractice, PracticeContent } from '../best-practice';
import { practiceSubmittedData } from '../best-practice.events';
import { assertCityMaySubmit } from '../best-practice.rules';
import { BEST_PRACTICE_STORE, type BestPracticeStore } from '../ports';

export interface SubmitBestPracticeInput extends PracticeContent {
  cityId: string;
}

/** A city officer submits a practice of their city; it awaits a reviewer before it is in the library. */
@Injectable()
export class SubmitBestPractice {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(BEST_PRACTICE_STORE) private readonly practices: BestPracticeStore,
    @Inject(CITY_STORE) private readonly cities: CityStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, input: SubmitBestPracticeInput): Promise<BestPractice> {
    const { cityId, ...content } = input;
    assertActsForCity(user, cityId, 'submit a best practice');
    return this.transactions.run(async (tx) => {
      await assertCityMaySubmit(this.cities, tx, cityId);
      const now = this.clock.now();
      const practice: BestPractice = {
        ...content,
        id: randomUUID(),
        cityId,
        status: 'submitted',
        submittedBy: user.userId,
        reviewedBy: null,
        reviewCommissionId: null,
        comments: null,
        publishedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await this.practices.insert(tx, practice);
      await this.outbox.add(tx, 'c2c.best-practice.submitted.v1', practiceSubmittedData(practice), {
        aggregateId: practice.id,
      });
      return practice;
    });
  }
}
