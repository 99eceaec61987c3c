import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { assertNoParticipantArchived } from '../archived-participant.rule';
import type { Partnership } from '../partnership';
import { PartnershipChangesRecorder } from '../partnership-changes.recorder';
import { actorOf, assertActsForCity, assertActsForParticipant } from '../partnership.policy';
import type { PartnershipChange, PartnershipState } from '../partnership.types';
import { CITY_STORE, type CityStore, type Transactions } from './ports';

/** The transitions an official asks for with a stated reason. */
export type StatusChange = 'withdraw' | 'suspend' | 'resume' | 'terminate';

const APPLY: Record<StatusChange, (p: Partnership, reason: string, at: Date) => PartnershipChange> = {
  withdraw: (p, reason, at) => p.withdraw(reason, at),
  suspend: (p, reason, at) => p.suspend(reason, at),
  resume: (p, reason, at) => p.resume(reason, at),
  terminate: (p, reason, at) => p.terminate(reason, at),
};

/**
 * Withdraws (the proposer only), suspends, resumes or terminates (any participant, or the secretariat)
 * a partnership, with the reason. Resuming is refused while a participant city is archived.
 */
@Injectable()
export class ChangePartnershipStatus {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(CITY_STORE) private readonly cities: CityStore,
    private readonly changes: PartnershipChangesRecorder,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    change: StatusChange,
    reason: string,
    expectedVersion?: number,
  ): Promise<PartnershipState> {
    return this.transactions.run(async (tx) => {
      const partnership = await this.changes.loadForChange(tx, id, expectedVersion);
      let cityId: string | undefined;
      if (change === 'withdraw') {
        assertActsForCity(user, partnership.proposerCityId, 'withdraw a proposal');
        cityId = partnership.proposerCityId;
      } else {
        cityId = assertActsForParticipant(user, partnership, change);
      }
      const before = partnership.status;
      const applied = APPLY[change](partnership, reason, this.clock.now());
      if (change === 'resume')
        await assertNoParticipantArchived(this.cities, tx, partnership, before, 'resume');
      return this.changes.record(tx, partnership, [applied], actorOf(user, cityId));
    });
  }
}
