import { Inject, Injectable } from '@nestjs/common';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import type { IfMatch } from '@c2c/platform';
import type { AuthenticatedUser } from '@c2c/auth';
import { assertMayEditProfile } from '../city-access';
import { CityError } from '../cities.errors';
import { DuplicateCityKey, type CityStore } from '../cities.repository';
import { cityProfileUpdatedData } from '../city-events';
import { applyProfilePatch, type ProfilePatch } from '../city-profile';
import type { CityEntity } from '../city.entity';
import {
  CITY_STORE,
  alreadyRegistered,
  loadForChange,
  touch,
  type EventOutbox,
  type Transactions,
} from './ports';

/** Changes profile fields of a city, guarded by the version the caller last read. */
@Injectable()
export class UpdateCityProfile {
  constructor(
    @Inject(CITY_STORE) private readonly store: CityStore,
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(Outbox) private readonly outbox: EventOutbox,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    ifMatch: IfMatch,
    patch: ProfilePatch,
  ): Promise<CityEntity> {
    assertMayEditProfile(user, id);
    let target = { countryCode: '', name: '' };
    try {
      return await this.transactions.run(async (tx) => {
        const city = await loadForChange(this.store, tx, id, ifMatch);
        if (city.archivedAt) throw CityError.archived(id);
        const changed = applyProfilePatch(city, patch);
        if (changed.length === 0) return city;
        target = { countryCode: city.countryCode, name: city.name };
        if (changed.includes('name') || changed.includes('countryCode')) {
          const holder = await this.store.findByKey(city.countryCode, city.name);
          if (holder && holder.id !== id) throw CityError.alreadyRegistered(holder.id, city.countryCode);
        }
        touch(city);
        await this.store.update(tx, city);
        const data = cityProfileUpdatedData(city, changed);
        if (data) {
          await this.outbox.add(tx, 'c2c.city.profile-updated.v1', data, {
            aggregateId: id,
            time: city.updatedAt,
          });
        }
        return city;
      });
    } catch (error) {
      if (error instanceof DuplicateCityKey)
        throw await alreadyRegistered(this.store, target.countryCode, target.name);
      throw error;
    }
  }
}
