import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { assertNoParticipantArchived } from '../archived-participant.rule';
import { PartnershipChangesRecorder } from '../partnership-changes.recorder';
import { actorOf, assertActsForCity } from '../partnership.policy';
import type { PartnershipState } from '../partnership.types';
import { CITY_STORE, type CityStore, type Transactions } from './ports';

/** A participant city accepts; the last acceptance activates the partnership. */
@Injectable()
export class AcceptPartnership {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(CITY_STORE) private readonly cities: CityStore,
    private readonly changes: PartnershipChangesRecorder,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    cityId: string,
    expectedVersion?: number,
  ): Promise<PartnershipState> {
    assertActsForCity(user, cityId, 'accept a partnership');
    return this.transactions.run(async (tx) => {
      const partnership = await this.changes.loadForChange(tx, id, expectedVersion);
      const before = partnership.status;
      const accepted = partnership.accept(cityId, this.clock.now());
      await assertNoParticipantArchived(this.cities, tx, partnership, before, 'accept');
      return this.changes.record(tx, partnership, accepted, actorOf(user, cityId));
    });
  }
}
