import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import type { PartnershipActivity } from '@c2c/contracts';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { isPublished } from '../../best-practice-model/best-practice-projection';
import { checkActivity } from '../activity.rules';
import { PartnershipChangesRecorder } from '../partnership-changes.recorder';
import { PartnershipError } from '../partnership.errors';
import { actorOf, assertActsForParticipant } from '../partnership.policy';
import type { ActivityInput, PartnershipState } from '../partnership.types';
import {
  BEST_PRACTICE_STORE,
  PARTNERSHIP_STORE,
  type BestPracticeStore,
  type PartnershipStore,
  type Transactions,
} from './ports';

/** The activity recorded, and the partnership as it stands after it (its new version). */
export interface RecordedActivity {
  activity: PartnershipActivity;
  partnership: PartnershipState;
}

/**
 * Records a cooperation activity under an active partnership. A practice transfer names a practice
 * published in the best-practice library, as this service knows it from the commissions service.
 */
@Injectable()
export class RecordActivity {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(PARTNERSHIP_STORE) private readonly store: PartnershipStore,
    @Inject(BEST_PRACTICE_STORE) private readonly practices: BestPracticeStore,
    private readonly changes: PartnershipChangesRecorder,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    input: ActivityInput,
    expectedVersion?: number,
  ): Promise<RecordedActivity> {
    const violations = checkActivity(input);
    if (violations.length > 0) throw PartnershipError.rules(violations);
    return this.transactions.run(async (tx) => {
      const partnership = await this.changes.loadForChange(tx, id, expectedVersion);
      const cityId = assertActsForParticipant(user, partnership, 'record an activity of');
      const now = this.clock.now();
      const change = partnership.recordActivity(input, now);
      if (change.kind !== 'activity-recorded') throw new Error('recordActivity returned another change');
      const { activity } = change;
      // After the partnership's own rules: who may act, its state and its cities answer first.
      const practiceId = input.practiceTransfer?.bestPracticeId;
      if (practiceId !== undefined && !isPublished(await this.practices.find(practiceId, tx)))
        throw PartnershipError.bestPracticeUnknown(practiceId);
      const state = await this.changes.record(tx, partnership, [change], actorOf(user, cityId));
      await this.store.insertActivity(tx, {
        partnershipId: id,
        activity,
        recordedAt: now,
        recordedBy: user.userId,
      });
      return { activity, partnership: state };
    });
  }
}
