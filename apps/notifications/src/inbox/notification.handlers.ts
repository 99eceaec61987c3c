import { Injectable } from '@nestjs/common';
import type { AnyEventEnvelope, EventEnvelopeOf } from '@c2c/contracts';
import { HandlesEvent } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { AudienceModelRepository } from '../audiences/audience-model.repository';
import { NOTIFYING_EVENT_TYPES } from '../audiences/audience-table';
import { Notify } from './usecases/notify.usecase';

/** Every notifying event becomes notifications; membership events keep the members model too. */
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

  @HandlesEvent('c2c.commission.member-left.v1')
  onLeft(event: EventEnvelopeOf<'c2c.commission.member-left.v1'>, tx: Tx): Promise<void> {
    return this.audiences.remove(tx, event.data.commissionId, event.data.cityId);
  }
}
