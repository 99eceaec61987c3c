import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { PartnershipsRepository } from '../partnerships.repository';
import { PartnershipStore } from '../partnership-store';

export const CITY_ARCHIVED_REASON = 'city archived';

/**
 * The reaction to `c2c.city.archived.v1`: every active partnership the city takes part in is suspended
 * through the normal transition, by the platform, with its history row and event. Runs in the
 * consumer's transaction, so it happens once per archiving however often the event is delivered.
 */
@Injectable()
export class SuspendPartnershipsOfArchivedCity {
  constructor(
    private readonly partnerships: PartnershipsRepository,
    private readonly store: PartnershipStore,
    private readonly clock: Clock,
  ) {}

  async execute(tx: Tx, cityId: string): Promise<number> {
    const ids = await this.partnerships.lockActiveIdsOfCity(tx, cityId);
    for (const id of ids) {
      const partnership = await this.store.lock(tx, id);
      const change = { ...partnership.suspend(CITY_ARCHIVED_REASON, this.clock.now()), cityId };
      await this.store.record(tx, partnership, [change], { userId: null, cityId });
    }
    return ids.length;
  }
}
