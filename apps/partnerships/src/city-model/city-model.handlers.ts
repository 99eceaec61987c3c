import { Injectable } from '@nestjs/common';
import type { EventEnvelopeOf } from '@c2c/contracts';
import { HandlesEvent } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { CityModel } from './city-model.service';

// `c2c.city.archived.v1` is handled by the partnerships feature, which updates this model and then
// reacts; one consumer group has one handler per event type.

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
}
