import { Inject, Injectable } from '@nestjs/common';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import type { IfMatch } from '@c2c/platform';
import type { AuthenticatedUser } from '@c2c/auth';
import { assertSecretariat } from '../city-access';
import type { CityStore } from '../cities.repository';
import { cityArchivedData } from '../city-events';
import type { CityEntity } from '../city.entity';
import { CITY_STORE, loadForChange, touch, type EventOutbox, type Transactions } from './ports';

/**
 * Retires a city: it stays readable (partnerships and history refer to it) but changes no more.
 * Archiving an archived city changes nothing, so a retried request is harmless.
 */
@Injectable()
export class ArchiveCity {
  constructor(
    @Inject(CITY_STORE) private readonly store: CityStore,
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(Outbox) private readonly outbox: EventOutbox,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    reason?: string,
    ifMatch?: IfMatch,
  ): Promise<CityEntity> {
    assertSecretariat(user, 'archive cities');
    return this.transactions.run(async (tx) => {
      const city = await loadForChange(this.store, tx, id, ifMatch);
      if (city.archivedAt) return city;
      const now = new Date();
      city.archivedAt = now;
      touch(city, now);
      await this.store.update(tx, city);
      await this.outbox.add(tx, 'c2c.city.archived.v1', cityArchivedData(city, reason), {
        aggregateId: id,
        time: now,
      });
      return city;
    });
  }
}
