import { Injectable } from '@nestjs/common';
import type { AnyEventEnvelope, EventEnvelopeOf } from '@c2c/contracts';
import { HandlesEvent } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { AudienceModelRepository } from '../audiences/audience-model.repository';
import { NOTIFYING_EVENT_TYPES } from '../audiences/audience-table';
import { Notify } from './usecases/notify.usecase';

/**
 * Every notifying event becomes notifications; membership and city events also keep the models the
 * audiences are resolved from (a commission's member cities, a city's contact officers).
 */
@Injectable()
export class NotificationHandlers {
  constructor(
    private readonly notify: Notify,
    private readonly audiences: AudienceModelRepository,
  ) {}

  @HandlesEvent(...NOTIFYING_EVENT_TYPES)
  onEvent(event: AnyEventEnvelope, tx: Tx): Promise<void> {
    return this.notify.execute(tx, event);
  }

  @HandlesEvent('c2c.commission.member-admitted.v1')
  onAdmitted(event: EventEnvelopeOf<'c2c.commission.member-admitted.v1'>, tx: Tx): Promise<void> {
    return this.audiences.admit(tx, event.data.commissionId, event.data.cityId);
  }

  // The contact officers are personal data, kept only to address e-mail: the latest list replaces the
  // one before, and an older event redelivered late never brings back what was removed.
  @HandlesEvent('c2c.city.registered.v1')
  async onRegistered(event: EventEnvelopeOf<'c2c.city.registered.v1'>, tx: Tx): Promise<void> {
    const officers = event.data.contactOfficers;
    if (officers !== undefined)
      await this.audiences.keepContacts(tx, event.data.cityId, officers, new Date(event.time));
  }

  @HandlesEvent('c2c.city.profile-updated.v1')
  async onProfileUpdated(event: EventEnvelopeOf<'c2c.city.profile-updated.v1'>, tx: Tx): Promise<void> {
    const officers = event.data.changes.contactOfficers;
    if (officers === undefined) return;
    await this.audiences.keepContacts(tx, event.data.cityId, officers ?? [], new Date(event.time));
  }

  @HandlesEvent('c2c.commission.member-left.v1')
  onLeft(event: EventEnvelopeOf<'c2c.commission.member-left.v1'>, tx: Tx): Promise<void> {
    return this.audiences.remove(tx, event.data.commissionId, event.data.cityId);
  }
}
