import { Injectable } from '@nestjs/common';
import type { EventEnvelopeOf, EventEnvelopeOfTopic } from '@c2c/contracts';
import { HandlesEvent } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { PartnershipModelRepository } from './partnership-model.repository';

/**
 * Every partnership event carries the partnership as it stands after it, so each one, whatever its
 * type, brings the read model up to date. One method per type: the consumer subscribes by handler.
 */
@Injectable()
export class PartnershipModelHandlers {
  constructor(private readonly partnerships: PartnershipModelRepository) {}

  @HandlesEvent('c2c.partnership.proposed.v1')
  onProposed(event: EventEnvelopeOf<'c2c.partnership.proposed.v1'>, tx: Tx): Promise<void> {
    return this.keep(event, tx);
  }

  @HandlesEvent('c2c.partnership.accepted.v1')
  onAccepted(event: EventEnvelopeOf<'c2c.partnership.accepted.v1'>, tx: Tx): Promise<void> {
    return this.keep(event, tx);
  }

  @HandlesEvent('c2c.partnership.declined.v1')
  onDeclined(event: EventEnvelopeOf<'c2c.partnership.declined.v1'>, tx: Tx): Promise<void> {
    return this.keep(event, tx);
  }

  @HandlesEvent('c2c.partnership.withdrawn.v1')
  onWithdrawn(event: EventEnvelopeOf<'c2c.partnership.withdrawn.v1'>, tx: Tx): Promise<void> {
    return this.keep(event, tx);
  }

  @HandlesEvent('c2c.partnership.activated.v1')
  onActivated(event: EventEnvelopeOf<'c2c.partnership.activated.v1'>, tx: Tx): Promise<void> {
    return this.keep(event, tx);
  }

  @HandlesEvent('c2c.partnership.suspended.v1')
  onSuspended(event: EventEnvelopeOf<'c2c.partnership.suspended.v1'>, tx: Tx): Promise<void> {
    return this.keep(event, tx);
  }

  @HandlesEvent('c2c.partnership.resumed.v1')
  onResumed(event: EventEnvelopeOf<'c2c.partnership.resumed.v1'>, tx: Tx): Promise<void> {
    return this.keep(event, tx);
  }

  @HandlesEvent('c2c.partnership.terminated.v1')
  onTerminated(event: EventEnvelopeOf<'c2c.partnership.terminated.v1'>, tx: Tx): Promise<void> {
    return this.keep(event, tx);
  }

  @HandlesEvent('c2c.partnership.expired.v1')
  onExpired(event: EventEnvelopeOf<'c2c.partnership.expired.v1'>, tx: Tx): Promise<void> {
    return this.keep(event, tx);
  }

  @HandlesEvent('c2c.partnership.dormant.v1')
  onDormant(event: EventEnvelopeOf<'c2c.partnership.dormant.v1'>, tx: Tx): Promise<void> {
    return this.keep(event, tx);
  }

  @HandlesEvent('c2c.partnership.renewal-due.v1')
  onRenewalDue(event: EventEnvelopeOf<'c2c.partnership.renewal-due.v1'>, tx: Tx): Promise<void> {
    return this.keep(event, tx);
  }

  @HandlesEvent('c2c.partnership.activity-recorded.v1')
  onActivityRecorded(event: EventEnvelopeOf<'c2c.partnership.activity-recorded.v1'>, tx: Tx): Promise<void> {
    return this.keep(event, tx);
  }

  private keep(event: EventEnvelopeOfTopic<'c2c.partnerships.v1'>, tx: Tx): Promise<void> {
    return this.partnerships.keep(tx, event.data.partnership, new Date(event.time));
  }
}
