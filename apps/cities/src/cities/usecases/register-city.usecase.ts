import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import type { AuthenticatedUser } from '@c2c/auth';
import { assertSecretariat } from '../city-access';
import { CityError } from '../cities.errors';
import { DuplicateCityKey, type CityStore } from '../cities.repository';
import { cityRegisteredData } from '../city-events';
import { profileOf, type RegisterCityCommand } from '../city-profile';
import { CityEntity } from '../city.entity';
import { CITY_STORE, alreadyRegistered, dayOf, type EventOutbox, type Transactions } from './ports';

/** Adds a city to the registry and announces it. The API and the demo-data loader both use this. */
@Injectable()
export class RegisterCity {
  constructor(
    @Inject(CITY_STORE) private readonly store: CityStore,
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(Outbox) private readonly outbox: EventOutbox,
  ) {}

  async execute(user: AuthenticatedUser, command: RegisterCityCommand): Promise<CityEntity> {
    assertSecretariat(user, 'register cities');
    const existing = await this.store.findByKey(command.countryCode, command.name);
    if (existing) throw CityError.alreadyRegistered(existing.id, existing.countryCode);

    const city = newCity(command, new Date());
    try {
      await this.transactions.run(async (tx) => {
        await this.store.insert(tx, city);
        await this.outbox.add(tx, 'c2c.city.registered.v1', cityRegisteredData(city), {
          aggregateId: city.id,
          time: city.createdAt,
        });
      });
    } catch (error) {
      // Lost a race with a concurrent registration of the same city: the unique index decided.
      if (error instanceof DuplicateCityKey)
        throw await alreadyRegistered(this.store, city.countryCode, city.name);
      throw error;
    }
    return city;
  }
}

function newCity(command: RegisterCityCommand, now: Date): CityEntity {
  return Object.assign(new CityEntity(), {
    id: randomUUID(),
    ...profileOf(command),
    // Derived by the repository on every write.
    nameKey: '',
    searchText: '',
    membershipStatus: command.membershipStatus ?? 'non-member',
    membershipChangedOn: command.membershipChangedOn ?? dayOf(now),
    version: 1,
    createdAt: now,
    updatedAt: now,
    archivedAt: null,
  } satisfies CityEntity);
}
