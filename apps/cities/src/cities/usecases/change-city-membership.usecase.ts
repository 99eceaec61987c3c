import { Inject, Injectable } from '@nestjs/common';
import type { MembershipStatus } from '@c2c/contracts';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import type { IfMatch } from '@c2c/platform';
import type { AuthenticatedUser } from '@c2c/auth';
import { assertSecretariat } from '../city-access';
import { CityError } from '../cities.errors';
import type { CityStore } from '../cities.repository';
import { cityMembershipChangedData } from '../city-events';
import type { CityEntity } from '../city.entity';
import { CITY_STORE, dayOf, loadForChange, touch, type EventOutbox, type Transactions } from './ports';

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
    @Inject(CITY_STORE) private readonly store: CityStore,
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(Outbox) private readonly outbox: EventOutbox,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    command: ChangeCityMembershipCommand,
    ifMatch?: IfMatch,
  ): Promise<CityEntity> {
    assertSecretariat(user, 'change membership');
    return this.transactions.run(async (tx) => {
      const city = await loadForChange(this.store, tx, id, ifMatch);
      if (city.archivedAt) throw CityError.archived(id);
      if (city.membershipStatus === command.membershipStatus) return city;
      const previousStatus = city.membershipStatus;
      const now = new Date();
      city.membershipStatus = command.membershipStatus;
      city.membershipChangedOn = command.changedOn ?? dayOf(now);
      touch(city, now);
      await this.store.update(tx, city);
      await this.outbox.add(
        tx,
        'c2c.city.membership-changed.v1',
        cityMembershipChangedData(city, previousStatus, command.reason),
        { aggregateId: id, time: now },
      );
      return city;
    });
  }
}
