import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { CityError } from '../cities.errors';
import { applyProfilePatch, isArchived, type City, type ProfilePatch } from '../city';
import { assertMayChangeFields, assertMayEditProfile } from '../city-access';
import { cityProfileUpdatedData } from '../city-events';
import {
  alreadyRegistered,
  CITY_STORE,
  DuplicateCityKey,
  loadForChange,
  type CityStore,
  type EventOutbox,
  type Transactions,
} from './ports';

/** Changes profile fields of a city, guarded by the version the caller last read. */
@Injectable()
export class UpdateCityProfile {
  constructor(
    @Inject(CITY_STORE) private readonly cities: CityStore,
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    patch: ProfilePatch,
    expectedVersion: number | undefined,
  ): Promise<City> {
    assertMayEditProfile(user, id);
    let target = { countryCode: '', name: '' };
    try {
      return await this.transactions.run(async (tx) => {
        const city = await loadForChange(this.cities, tx, id, expectedVersion);
        if (isArchived(city)) throw CityError.archived(id);
        const { city: updated, changed } = applyProfilePatch(city, patch, this.clock.now());
        if (changed.length === 0) return city;
        assertMayChangeFields(user, changed);
        target = { countryCode: updated.countryCode, name: updated.name };
        if (changed.includes('name') || changed.includes('countryCode')) {
          const holder = await this.cities.findByKey(updated.countryCode, updated.name);
          if (holder && holder.id !== id) throw CityError.alreadyRegistered(holder.id, updated.countryCode);
        }
        await this.cities.update(tx, updated);
        const data = cityProfileUpdatedData(city, updated, changed);
        if (data) {
          await this.outbox.add(tx, 'c2c.city.profile-updated.v1', data, {
            aggregateId: id,
            time: updated.updatedAt,
          });
        }
        return updated;
      });
    } catch (error) {
      // Lost a race with a concurrent change to the same name: the unique index decided.
      if (error instanceof DuplicateCityKey)
        throw await alreadyRegistered(this.cities, target.countryCode, target.name);
      throw error;
    }
  }
}
