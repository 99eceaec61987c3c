import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import type { MembershipStatus } from '@c2c/contracts';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { CityError } from '../cities.errors';
import { changeMembership, dayOf, isArchived, type City } from '../city';
import { assertSecretariat } from '../city-access';
import { cityMembershipChangedData } from '../city-events';
import { CITY_STORE, loadForChange, type CityStore, type EventOutbox, type Transactions } from './ports';

export interface ChangeCityMembershipCommand {
  membershipStatus: MembershipStatus;
  /** `YYYY-MM-DD`; defaults to today. */
  changedOn?: string;
  reason?: string;
}

/** Records a city's new standing in the forum. Asking for the status it already has changes nothing. */
@Injectable()
export class ChangeCityMembership {
  constructor(
    @Inject(CITY_STORE) private readonly cities: CityStore,
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    command: ChangeCityMembershipCommand,
    expectedVersion?: number,
  ): Promise<City> {
    assertSecretariat(user, 'change membership');
    return this.transactions.run(async (tx) => {
      const city = await loadForChange(this.cities, tx, id, expectedVersion);
      if (isArchived(city)) throw CityError.archived(id);
      if (city.membershipStatus === command.membershipStatus) return city;
      const now = this.clock.now();
      const changed = changeMembership(city, command.membershipStatus, command.changedOn ?? dayOf(now), now);
      await this.cities.update(tx, changed);
      await this.outbox.add(
        tx,
        'c2c.city.membership-changed.v1',
        cityMembershipChangedData(changed, city.membershipStatus, command.reason),
        { aggregateId: id, time: now },
      );
      return changed;
    });
  }
}
