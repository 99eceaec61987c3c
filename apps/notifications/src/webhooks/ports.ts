import type { Tx } from '@c2c/persistence';
import type { DeliveryAttempt, WebhookDelivery, WebhookSubscription } from './webhook';

export const WEBHOOK_STORE = Symbol('WebhookStore');

export interface DeliveryPosition {
  createdAt: string;
  id: string;
}

export interface WebhookStore {
  insert(tx: Tx, subscription: WebhookSubscription): Promise<void>;
  update(tx: Tx, subscription: WebhookSubscription): Promise<void>;
  findById(id: string, tx?: Tx): Promise<WebhookSubscription | null>;
  findForUpdate(tx: Tx, id: string): Promise<WebhookSubscription | null>;
  list(): Promise<WebhookSubscription[]>;
  /** Deleted subscriptions are gone from every list and receive nothing more; their log stays. */
  markDeleted(id: string, at: Date): Promise<boolean>;
  /** The active subscriptions, for the event consumer to match. */
  active(tx: Tx): Promise<WebhookSubscription[]>;
  /** One delivery per subscription and event; a redelivered event adds none. */
  enqueue(tx: Tx, deliveries: WebhookDelivery[]): Promise<number>;
  /**
   * Leases up to `limit` due deliveries until `leaseUntil`, at most one per subscription and none of a
   * subscription that has one in flight, skipping rows another instance is claiming.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<WebhookDelivery[]>;
  recordAttempt(tx: Tx, deliveryId: string, attempt: DeliveryAttempt): Promise<void>;
  updateDelivery(tx: Tx, delivery: WebhookDelivery): Promise<void>;
  /** Due again at `at`, unless an attempt is in flight (leased): false then, and nothing changed. */
  requeue(tx: Tx, id: string, at: Date): Promise<boolean>;
  findDelivery(tx: Tx, subscriptionId: string, id: string): Promise<WebhookDelivery | null>;
  deliveries(
    subscriptionId: string,
    take: number,
    after?: DeliveryPosition,
  ): Promise<(WebhookDelivery & { attemptLog: DeliveryAttempt[] })[]>;
}
