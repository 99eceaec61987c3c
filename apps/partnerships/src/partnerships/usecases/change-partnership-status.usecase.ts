import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { CityModel } from '../../city-model/city-model.service';
import { Partnership } from '../partnership';
import { PartnershipChange, PartnershipState } from '../partnership.model';
import { actorOf, assertActsForCity, assertActsForParticipant } from '../partnership-access';
import { PartnershipStore } from '../partnership-store';
import { assertNoParticipantArchived } from '../participant-guards';

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
    private readonly transactions: TransactionRunner,
    private readonly cities: CityModel,
    private readonly store: PartnershipStore,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    change: StatusChange,
    reason: string,
  ): Promise<PartnershipState> {
    return this.transactions.run(async (tx) => {
      const partnership = await this.store.lock(tx, id);
      let cityId: string | undefined;
      if (change === 'withdraw') {
        assertActsForCity(user, partnership.proposerCityId, 'withdraw a proposal');
        cityId = partnership.proposerCityId;
      } else {
        cityId = assertActsForParticipant(user, partnership, change);
      }
      const applied = APPLY[change](partnership, reason, this.clock.now());
      if (change === 'resume') await assertNoParticipantArchived(this.cities, tx, partnership, 'resume');
      return this.store.record(tx, partnership, [applied], actorOf(user, cityId));
    });
  }
}
