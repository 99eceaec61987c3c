import { Injectable } from '@nestjs/common';
import { type EventEnvelopeOfTopic, eventTypesOfTopic } from '@c2c/contracts';
import { HandlesEvent } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { PartnershipModelRepository } from './partnership-model.repository';

/**
 * Every partnership event carries the partnership as it stands after it, so each one, whatever its
 * type, brings the read model up to date.
 */
@Injectable()
export class PartnershipModelHandlers {
  constructor(private readonly partnerships: PartnershipModelRepository) {}

  @HandlesEvent(...eventTypesOfTopic('c2c.partnerships.v1'))
  onPartnershipEvent(event: EventEnvelopeOfTopic<'c2c.partnerships.v1'>, tx: Tx): Promise<void> {
    return this.partnerships.keep(tx, event.data.partnership, new Date(event.time));
  }
}
