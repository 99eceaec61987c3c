// The webhook subscriptions' domain: plain types and rules, no Nest, no SQL.
import { EVENT_TYPES } from '@c2c/contracts';
import type { DeliveryHealth } from './delivery';

export interface WebhookSubscription {
  id: string;
  url: string;
  /** Exact event types, `prefix.*` wildcards, or `*`. */
  eventTypes: string[];
  description: string | null;
  secret: string;
  /** Still signs (beside `secret`) until `previousSecretExpiresAt`, so receivers can switch over. */
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  status: 'active' | 'disabled';
  disabledReason: string | null;
  health: DeliveryHealth;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  /** The CloudEvent, structured, serialised once: exactly what is signed and sent on every attempt. */
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface DeliveryAttempt {
  attempt: number;
  attemptedAt: Date;
  outcome: string;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

/** Whether a filter (`c2c.partnership.proposed.v1`, `c2c.partnership.*`, `*`) selects an event type. */
export function matchesEventType(filter: string, type: string): boolean {
  if (filter === '*') return true;
  if (filter.endsWith('.*')) return type.startsWith(filter.slice(0, -1));
  return filter === type;
}

/** A filter is valid when it selects at least one registered event type. */
export const selectsSomething = (filter: string): boolean =>
  EVENT_TYPES.some((type) => matchesEventType(filter, type));

/** The secrets a delivery is signed with now: the current one, and the previous during the overlap. */
export function signingSecrets(subscription: WebhookSubscription, now: Date): string[] {
  const previous =
    subscription.previousSecret !== null &&
    subscription.previousSecretExpiresAt !== null &&
    subscription.previousSecretExpiresAt > now
      ? [subscription.previousSecret]
      : [];
  return [subscription.secret, ...previous];
}
