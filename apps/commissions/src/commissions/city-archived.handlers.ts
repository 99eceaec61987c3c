import { Injectable } from '@nestjs/common';
import type { EventEnvelopeOf } from '@c2c/contracts';
import { HandlesEvent } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { EndMembershipsOfArchivedCity } from './usecases/end-memberships-of-archived-city.usecase';

/**
 * A city was archived: it leaves every commission and its pending applications end. The city model
 * learns of the archiving in its own handler of the same event, in the same transaction.
 */
@Injectable()
export class CityArchivedHandlers {
  constructor(private readonly ending: EndMembershipsOfArchivedCity) {}

  @HandlesEvent('c2c.city.archived.v1')
  async onCityArchived(event: EventEnvelopeOf<'c2c.city.archived.v1'>, tx: Tx): Promise<void> {
    await this.ending.execute(tx, event.data.cityId);
  }
}
