import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { archive, isArchived, type City } from '../city';
import { assertSecretariat } from '../city-access';
import { cityArchivedData } from '../city-events';
import { CITY_STORE, loadForChange, type CityStore, type EventOutbox, type Transactions } from './ports';

/**
 * Retires a city: it stays readable (partnerships and history refer to it) but changes no more.
 * Archiving an archived city changes nothing, so a retried request is harmless.
 */
@Injectable()
export class ArchiveCity {
  constructor(
    @Inject(CITY_STORE) private readonly cities: CityStore,
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    reason?: string,
    expectedVersion?: number,
  ): Promise<City> {
    assertSecretariat(user, 'archive cities');
    return this.transactions.run(async (tx) => {
      const city = await loadForChange(this.cities, tx, id, expectedVersion);
      if (isArchived(city)) return city;
      const archived = archive(city, this.clock.now());
      await this.cities.update(tx, archived);
      await this.outbox.add(tx, 'c2c.city.archived.v1', cityArchivedData(archived, reason), {
        aggregateId: id,
        time: archived.updatedAt,
      });
      return archived;
    });
  }
}
