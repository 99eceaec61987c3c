import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import type { PartnershipActivity } from '@c2c/contracts';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { checkActivity } from '../activity.rules';
import { PartnershipChangesRecorder } from '../partnership-changes.recorder';
import { PartnershipError } from '../partnership.errors';
import { actorOf, assertActsForParticipant } from '../partnership.policy';
import type { ActivityInput, PartnershipState } from '../partnership.types';
import { PARTNERSHIP_STORE, type PartnershipStore, type Transactions } from './ports';

/** The activity recorded, and the partnership as it stands after it (its new version). */
export interface RecordedActivity {
  activity: PartnershipActivity;
  partnership: PartnershipState;
}

/** Records a cooperation activity (possibly a practice transfer) under an active partnership. */
@Injectable()
export class RecordActivity {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(PARTNERSHIP_STORE) private readonly store: PartnershipStore,
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
