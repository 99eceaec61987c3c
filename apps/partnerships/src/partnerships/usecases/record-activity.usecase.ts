import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import type { PartnershipActivity } from '@c2c/contracts';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { checkActivity } from '../activity-rules';
import { PartnershipError } from '../partnership.errors';
import { ActivityInput } from '../partnership.model';
import { actorOf, assertActsForParticipant } from '../partnership-access';
import { PartnershipStore } from '../partnership-store';
import { PartnershipsRepository } from '../partnerships.repository';

/** Records a cooperation activity (possibly a practice transfer) under an active partnership. */
@Injectable()
export class RecordActivity {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly partnerships: PartnershipsRepository,
    private readonly store: PartnershipStore,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, id: string, input: ActivityInput): Promise<PartnershipActivity> {
    const violations = checkActivity(input);
    if (violations.length > 0) throw PartnershipError.rules(violations);
    return this.transactions.run(async (tx) => {
      const partnership = await this.store.lock(tx, id);
      const cityId = assertActsForParticipant(user, partnership, 'record an activity of');
      const now = this.clock.now();
      const change = partnership.recordActivity(input, now);
      if (change.kind !== 'activity-recorded') throw new Error('recordActivity returned another change');
      const { activity } = change;
      await this.store.record(tx, partnership, [change], actorOf(user, cityId));
      await this.partnerships.insertActivity(tx, {
        id: activity.activityId,
        partnershipId: id,
        kind: activity.kind,
        title: activity.title,
        startDate: activity.startDate,
        endDate: activity.endDate,
        participatingCityIds: activity.participatingCityIds,
        outcomes: activity.outcomes ?? null,
        bestPracticeId: activity.practiceTransfer?.bestPracticeId ?? null,
        sourceCityId: activity.practiceTransfer?.sourceCityId ?? null,
        adoptingCityId: activity.practiceTransfer?.adoptingCityId ?? null,
        recordedAt: now,
        recordedBy: user.userId,
      });
      return activity;
    });
  }
}
