import { Injectable } from '@nestjs/common';
import type { EventEnvelopeOf } from '@c2c/contracts';
import { HandlesEvent } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { CityModel } from './city-model.service';

/** Keeps the city read model up to date from `c2c.cities.v1`. */
@Injectable()
export class CityModelHandlers {
  constructor(private readonly model: CityModel) {}

  @HandlesEvent('c2c.city.registered.v1')
  async onRegistered(event: EventEnvelopeOf<'c2c.city.registered.v1'>, tx: Tx): Promise<void> {
    await this.model.apply(tx, event);
  }

  @HandlesEvent('c2c.city.profile-updated.v1')
  async onProfileUpdated(event: EventEnvelopeOf<'c2c.city.profile-updated.v1'>, tx: Tx): Promise<void> {
    await this.model.apply(tx, event);
  }

  @HandlesEvent('c2c.city.membership-changed.v1')
  async onMembershipChanged(event: EventEnvelopeOf<'c2c.city.membership-changed.v1'>, tx: Tx): Promise<void> {
    await this.model.apply(tx, event);
  }

  // A service may react to this event too (suspend partnerships, end memberships); every handler runs
  // in the one transaction that records the event as applied, so neither happens without the other.
  @HandlesEvent('c2c.city.archived.v1')
  async onArchived(event: EventEnvelopeOf<'c2c.city.archived.v1'>, tx: Tx): Promise<void> {
    await this.model.apply(tx, event);
  }
}
