import { Injectable } from '@nestjs/common';
import type { EventEnvelopeOf } from '@c2c/contracts';
import { HandlesEvent } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { CityModel } from '../city-model/city-model.service';
import { SuspendPartnershipsOfArchivedCity } from './usecases/suspend-partnerships-of-archived-city.usecase';

/** A city was archived: the model learns it, then its active partnerships are suspended. */
@Injectable()
export class CityArchivedHandlers {
  constructor(
    private readonly cities: CityModel,
    private readonly suspension: SuspendPartnershipsOfArchivedCity,
  ) {}

  @HandlesEvent('c2c.city.archived.v1')
  async onCityArchived(event: EventEnvelopeOf<'c2c.city.archived.v1'>, tx: Tx): Promise<void> {
    await this.cities.apply(tx, event);
    await this.suspension.execute(tx, event.data.cityId);
  }
}
