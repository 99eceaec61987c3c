import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AnyEventEnvelope } from '@c2c/contracts';
import type { Tx } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { WEBHOOK_STORE, type WebhookStore } from '../ports';
import { matchesEventType } from '../webhook';

/**
 * An event becomes one delivery per active subscription that selects its type, in the consumer's
 * transaction: the deliveries are an outbox, sent after commit, and a redelivered event adds none.
 */
@Injectable()
export class EnqueueDeliveries {
  constructor(
    @Inject(WEBHOOK_STORE) private readonly webhooks: WebhookStore,
    private readonly clock: Clock,
  ) {}

  async execute(tx: Tx, event: AnyEventEnvelope): Promise<number> {
    const subscriptions = (await this.webhooks.active(tx)).filter((s) =>
      s.eventTypes.some((filter) => matchesEventType(filter, event.type)),
    );
    if (subscriptions.length === 0) return 0;
    // The CloudEvent in structured mode, as the platform carries it: attributes and data in one object.
    const body = JSON.stringify(event);
    const now = this.clock.now();
    return this.webhooks.enqueue(
      tx,
      subscriptions.map((subscription) => ({
        id: randomUUID(),
        subscriptionId: subscription.id,
        eventId: event.id,
        eventType: event.type,
        body,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastStatusCode: null,
        lastError: null,
        deliveredAt: null,
        createdAt: now,
      })),
    );
  }
}
