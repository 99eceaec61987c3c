import { Inject, Injectable } from '@nestjs/common';
import { TransactionRunner } from '@c2c/persistence';
import { Clock, cursorOf, type Page, pageOf, Problem, ProblemType } from '@c2c/platform';
import { WEBHOOK_STORE, type WebhookStore } from '../ports';
import type { DeliveryAttempt, WebhookDelivery } from '../webhook';

const DELIVERY_CURSOR = cursorOf({ createdAt: 'timestamp', id: 'uuid' });

/** A subscription's delivery log, and manual redelivery of one delivery. */
@Injectable()
export class SubscriptionDeliveries {
  constructor(
    @Inject(WEBHOOK_STORE) private readonly webhooks: WebhookStore,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async page(
    subscriptionId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<WebhookDelivery & { attemptLog: DeliveryAttempt[] }>> {
    if ((await this.webhooks.findById(subscriptionId)) === null) {
      throw new Problem(ProblemType.NotFound, `there is no webhook subscription ${subscriptionId}`);
    }
    const after = cursor === undefined ? undefined : DELIVERY_CURSOR.decode(cursor);
    const rows = await this.webhooks.deliveries(subscriptionId, limit + 1, after);
    return pageOf(rows, limit, (last) => ({ createdAt: last.createdAt.toISOString(), id: last.id }));
  }

  /**
   * Sends the delivery again, whatever it came to (the receiver lost it, or was fixed after it failed):
   * due now, with the same `webhook-id`, its attempts counted on. A disabled subscription sends nothing.
   */
  async redeliver(subscriptionId: string, deliveryId: string): Promise<WebhookDelivery> {
    return this.transactions.run(async (tx) => {
      const subscription = await this.webhooks.findById(subscriptionId, tx);
      const delivery =
        subscription === null ? null : await this.webhooks.findDelivery(tx, subscriptionId, deliveryId);
      if (subscription === null || delivery === null) {
        throw new Problem(
          ProblemType.NotFound,
          `subscription ${subscriptionId} has no delivery ${deliveryId}`,
        );
      }
      if (subscription.status !== 'active') {
        throw new Problem(
          ProblemType.Conflict,
          `subscription ${subscriptionId} is disabled: nothing is sent to it`,
          {
            extensions: { currentStatus: subscription.status },
          },
        );
      }
      const now = this.clock.now();
      // An attempt in flight keeps its lease: a second send beside it would race it with the same id.
      if (!(await this.webhooks.requeue(tx, delivery.id, now))) {
        throw new Problem(
          ProblemType.Conflict,
          `delivery ${deliveryId} is being sent right now; ask again after`,
          {
            extensions: { currentStatus: 'in-flight' },
          },
        );
      }
      return { ...delivery, status: 'pending', nextAttemptAt: now };
    });
  }
}
