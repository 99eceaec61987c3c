import { Inject, Injectable } from '@nestjs/common';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { dayOf } from '../commissions/commission';
import type { EventOutbox, Transactions } from '../commissions/usecases/ports';
import { OVERDUE_STORE, type OverdueStore } from './ports';

const BATCH = 100;
const DAY_MS = 86_400_000;

/** Whole days from `dueDate` to `today`, both YYYY-MM-DD. */
const daysBetween = (dueDate: string, today: string): number =>
  Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS);

/**
 * One pass of the overdue sweep: every follow-up action still open or in progress after its due day is
 * announced as `action-overdue`. Every instance runs passes; each action is claimed by one (SKIP
 * LOCKED), recorded under a unique key and announced in the same transaction, so it is announced
 * exactly once however many instances run and however often.
 */
@Injectable()
export class RunOverdueSweep {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(OVERDUE_STORE) private readonly overdue: OverdueStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
  ) {}

  /** The number of actions this pass announced. */
  async run(now: Date): Promise<number> {
    // Days in UTC, like the forum's other dates: an action due on the 31st is overdue from the 1st.
    const today = dayOf(now);
    let announced = 0;
    for (;;) {
      const { claimed, count } = await this.transactions.run(async (tx) => {
        const actions = await this.overdue.claimOverdue(tx, today, BATCH);
        let count = 0;
        for (const action of actions) {
          if (!(await this.overdue.recordAnnounced(tx, action.id, now))) continue;
          await this.outbox.add(
            tx,
            'c2c.commission.action-overdue.v1',
            {
              commissionId: action.commissionId,
              resolutionId: action.resolutionId,
              actionId: action.id,
              ownerCityId: action.ownerCityId,
              dueDate: action.dueDate,
              daysOverdue: daysBetween(action.dueDate, today),
            },
            { aggregateId: action.commissionId },
          );
          count++;
        }
        return { claimed: actions.length, count };
      });
      announced += count;
      if (claimed < BATCH) return announced;
    }
  }
}
