import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { CityError } from '../cities.errors';
import { newCity, type City, type RegisterCityCommand } from '../city';
import { assertSecretariat } from '../city-access';
import { cityRegisteredData } from '../city-events';
import {
  alreadyRegistered,
  CITY_STORE,
  DuplicateCityKey,
  type CityStore,
  type EventOutbox,
  type Transactions,
} from './ports';

/** Adds a city to the registry and announces it. The API and the demo-data loader both use this. */
@Injectable()
export class RegisterCity {
  constructor(
    @Inject(CITY_STORE) private readonly cities: CityStore,
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, command: RegisterCityCommand): Promise<City> {
    assertSecretariat(user, 'register cities');
    const existing = await this.cities.findByKey(command.countryCode, command.name);
    if (existing) throw CityError.alreadyRegistered(existing.id, existing.countryCode);

    const city = newCity(randomUUID(), command, this.clock.now());
    try {
      await this.transactions.run(async (tx) => {
        await this.cities.insert(tx, city);
        await this.outbox.add(tx, 'c2c.city.registered.v1', cityRegisteredData(city), {
          aggregateId: city.id,
          time: city.createdAt,
        });
      });
    } catch (error) {
      // Lost a race with a concurrent registration of the same city: the unique index decided.
      if (error instanceof DuplicateCityKey)
        throw await alreadyRegistered(this.cities, city.countryCode, city.name);
      throw error;
    }
    return city;
  }
}
