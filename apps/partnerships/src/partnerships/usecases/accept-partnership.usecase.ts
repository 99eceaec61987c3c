import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { CityModel } from '../../city-model/city-model.service';
import { PartnershipState } from '../partnership.model';
import { actorOf, assertActsForCity } from '../partnership-access';
import { PartnershipStore } from '../partnership-store';
import { assertNoParticipantArchived } from '../participant-guards';

/** A participant city accepts; the last acceptance activates the partnership. */
@Injectable()
export class AcceptPartnership {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly cities: CityModel,
    private readonly store: PartnershipStore,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, id: string, cityId: string): Promise<PartnershipState> {
    assertActsForCity(user, cityId, 'accept a partnership');
    return this.transactions.run(async (tx) => {
      const partnership = await this.store.lock(tx, id);
      const changes = partnership.accept(cityId, this.clock.now());
      await assertNoParticipantArchived(this.cities, tx, partnership, 'accept');
      return this.store.record(tx, partnership, changes, actorOf(user, cityId));
    });
  }
}
