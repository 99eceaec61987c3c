import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { PartnershipChangesRecorder } from '../partnership-changes.recorder';
import { PARTNERSHIP_STORE, type PartnershipStore } from './ports';

export const CITY_ARCHIVED_REASON = 'city archived';

/**
 * The reaction to `c2c.city.archived.v1`: every active partnership the city takes part in is suspended
 * through the normal transition, by the platform, with its history row and event. Runs in the
 * consumer's transaction, so it happens once per archiving however often the event is delivered.
 */
@Injectable()
export class SuspendPartnershipsOfArchivedCity {
  constructor(
    @Inject(PARTNERSHIP_STORE) private readonly store: PartnershipStore,
    private readonly changes: PartnershipChangesRecorder,
    private readonly clock: Clock,
  ) {}

  async execute(tx: Tx, cityId: string): Promise<number> {
    const ids = await this.store.lockActiveIdsOfCity(tx, cityId);
    for (const id of ids) {
      const partnership = await this.changes.loadForChange(tx, id);
      const change = { ...partnership.suspend(CITY_ARCHIVED_REASON, this.clock.now()), cityId };
      await this.changes.record(tx, partnership, [change], { userId: null, cityId });
    }
    return ids.length;
  }
}
