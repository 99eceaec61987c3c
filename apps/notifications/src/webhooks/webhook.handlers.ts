import { Injectable } from '@nestjs/common';
import { type AnyEventEnvelope, eventTypesOfTopic } from '@c2c/contracts';
import { HandlesEvent } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { EnqueueDeliveries } from './usecases/enqueue-deliveries.usecase';

/** Every event of the three topics may be one a subscription selects. */
const DELIVERABLE = [
  ...eventTypesOfTopic('c2c.cities.v1'),
  ...eventTypesOfTopic('c2c.partnerships.v1'),
  ...eventTypesOfTopic('c2c.commissions.v1'),
];

@Injectable()
export class WebhookHandlers {
  constructor(private readonly enqueue: EnqueueDeliveries) {}

  @HandlesEvent(...DELIVERABLE)
  async onEvent(event: AnyEventEnvelope, tx: Tx): Promise<void> {
    await this.enqueue.execute(tx, event);
  }
}
