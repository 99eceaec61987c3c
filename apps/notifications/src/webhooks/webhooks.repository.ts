import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeliveryPosition, WebhookStore } from './ports';
import type { DeliveryAttempt, WebhookDelivery, WebhookSubscription } from './webhook';

const SUBSCRIPTION = `
  select id, url, event_types as "eventTypes", description, secret, previous_secret as "previousSecret",
         previous_secret_expires_at as "previousSecretExpiresAt", status, disabled_reason as "disabledReason",
         consecutive_failures as "consecutiveFailures", failing_since as "failingSince",
         created_by as "createdBy", created_at as "createdAt", updated_at as "updatedAt"
  from notifications.webhook_subscriptions`;

const DELIVERY = `
  select d.id, d.subscription_id as "subscriptionId", d.event_id as "eventId", d.event_type as "eventType",
         d.body, d.status, d.attempts, d.next_attempt_at as "nextAttemptAt",
         d.last_status_code as "lastStatusCode", d.last_error as "lastError",
         d.delivered_at as "deliveredAt", d.created_at as "createdAt"
  from notifications.webhook_deliveries d`;

type SubscriptionRow = Omit<WebhookSubscription, 'health'> & {
  consecutiveFailures: number;
  failingSince: Date | null;
};

const toSubscription = ({
  consecutiveFailures,
  failingSince,
  ...row
}: SubscriptionRow): WebhookSubscription => ({
  ...row,
  health: { consecutiveFailures, failingSince, lastOutcome: null },
});

/** The webhook tables: the only place with their SQL. */
@Injectable()
export class WebhooksRepository implements WebhookStore {
  constructor(private readonly dataSource: DataSource) {}

  private db(tx?: Tx): EntityManager | DataSource {
    return tx ?? this.dataSource;
  }

  async insert(tx: Tx, s: WebhookSubscription): Promise<void> {
    await tx.query(
      `insert into notifications.webhook_subscriptions
         (id, url, event_types, description, secret, previous_secret, previous_secret_expires_at, status,
          disabled_reason, consecutive_failures, failing_since, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, null, null, $6, null, 0, null, $7, $8, $8)`,
      [s.id, s.url, s.eventTypes, s.description, s.secret, s.status, s.createdBy, s.createdAt],
    );
  }

  async update(tx: Tx, s: WebhookSubscription): Promise<void> {
    await tx.query(
      `update notifications.webhook_subscriptions set secret = $2, previous_secret = $3,
         previous_secret_expires_at = $4, status = $5, disabled_reason = $6, consecutive_failures = $7,
         failing_since = $8, updated_at = $9
       where id = $1`,
      [
        s.id,
        s.secret,
        s.previousSecret,
        s.previousSecretExpiresAt,
        s.status,
        s.disabledReason,
        s.health.consecutiveFailures,
        s.health.failingSince,
        s.updatedAt,
      ],
    );
  }

  async findById(id: string, tx?: Tx): Promise<WebhookSubscription | null> {
    const rows = await this.db(tx).query<SubscriptionRow[]>(
      `${SUBSCRIPTION} where id = $1 and deleted_at is null`,
      [id],
    );
    return rows[0] === undefined ? null : toSubscription(rows[0]);
  }

  async findForUpdate(tx: Tx, id: string): Promise<WebhookSubscription | null> {
    const rows = await tx.query<SubscriptionRow[]>(
      `${SUBSCRIPTION} where id = $1 and deleted_at is null for update`,
      [id],
    );
    return rows[0] === undefined ? null : toSubscription(rows[0]);
  }

  async list(): Promise<WebhookSubscription[]> {
    const rows = await this.dataSource.query<SubscriptionRow[]>(
      `${SUBSCRIPTION} where deleted_at is null order by created_at, id`,
    );
    return rows.map(toSubscription);
  }

  async markDeleted(id: string, at: Date): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown[], number]>(
      `update notifications.webhook_subscriptions set deleted_at = $2, status = 'disabled', updated_at = $2
       where id = $1 and deleted_at is null`,
      [id, at],
    );
    return affected > 0;
  }

  async active(tx: Tx): Promise<WebhookSubscription[]> {
    const rows = await tx.query<SubscriptionRow[]>(
      `${SUBSCRIPTION} where status = 'active' and deleted_at is null`,
    );
    return rows.map(toSubscription);
  }

  async enqueue(tx: Tx, deliveries: WebhookDelivery[]): Promise<number> {
    let added = 0;
    for (const d of deliveries) {
      const rows = await tx.query<unknown[]>(
        `insert into notifications.webhook_deliveries
           (id, subscription_id, event_id, event_type, body, status, attempts, next_attempt_at, created_at)
         values ($1, $2, $3, $4, $5, 'pending', 0, $6, $6)
         on conflict (subscription_id, event_id) do nothing returning id`,
        [d.id, d.subscriptionId, d.eventId, d.eventType, d.body, d.createdAt],
      );
      added += rows.length;
    }
    return added;
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<WebhookDelivery[]> {
    // One statement: the lease is taken by the update, rows another instance holds are skipped, and a
    // subscription with a delivery in flight gets no second one (a slow target holds only its own).
    const [rows] = await this.dataSource.query<[WebhookDelivery[], number]>(
      `with due as (
         select distinct on (d.subscription_id) d.id
         from notifications.webhook_deliveries d
         join notifications.webhook_subscriptions s on s.id = d.subscription_id
         where d.status = 'pending' and d.next_attempt_at <= $1 and s.status = 'active'
           and s.deleted_at is null
           and not exists (select 1 from notifications.webhook_deliveries l
                           where l.subscription_id = d.subscription_id and l.lease_until > $1)
         order by d.subscription_id, d.next_attempt_at, d.id
       ), locked as (
         select d.id from notifications.webhook_deliveries d where d.id in (select id from due)
         limit $3 for update skip locked
       )
       update notifications.webhook_deliveries d set lease_until = $2
       from locked where d.id = locked.id
       returning d.id, d.subscription_id as "subscriptionId", d.event_id as "eventId",
                 d.event_type as "eventType", d.body, d.status, d.attempts,
                 d.next_attempt_at as "nextAttemptAt", d.last_status_code as "lastStatusCode",
                 d.last_error as "lastError", d.delivered_at as "deliveredAt", d.created_at as "createdAt"`,
      [now, leaseUntil, limit],
    );
    return rows;
  }

  async recordAttempt(tx: Tx, deliveryId: string, a: DeliveryAttempt): Promise<void> {
    await tx.query(
      `insert into notifications.webhook_attempts
         (delivery_id, attempt, attempted_at, outcome, status_code, latency_ms, error)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [deliveryId, a.attempt, a.attemptedAt, a.outcome, a.statusCode, a.latencyMs, a.error],
    );
  }

  async updateDelivery(tx: Tx, d: WebhookDelivery): Promise<void> {
    await tx.query(
      `update notifications.webhook_deliveries set status = $2, attempts = $3, next_attempt_at = $4,
         last_status_code = $5, last_error = $6, delivered_at = $7, lease_until = null
       where id = $1`,
      [d.id, d.status, d.attempts, d.nextAttemptAt, d.lastStatusCode, d.lastError, d.deliveredAt],
    );
  }

  async requeue(tx: Tx, id: string, at: Date): Promise<boolean> {
    const [, affected] = await tx.query<[unknown[], number]>(
      `update notifications.webhook_deliveries set status = 'pending', next_attempt_at = $2
       where id = $1 and (lease_until is null or lease_until <= $2)`,
      [id, at],
    );
    return affected > 0;
  }

  async findDelivery(tx: Tx, subscriptionId: string, id: string): Promise<WebhookDelivery | null> {
    const rows = await tx.query<WebhookDelivery[]>(
      `${DELIVERY} where d.id = $1 and d.subscription_id = $2 for update`,
      [id, subscriptionId],
    );
    return rows[0] ?? null;
  }

  async deliveries(
    subscriptionId: string,
    take: number,
    after?: DeliveryPosition,
  ): Promise<(WebhookDelivery & { attemptLog: DeliveryAttempt[] })[]> {
    const params: unknown[] = [subscriptionId, take];
    let where = 'd.subscription_id = $1';
    if (after !== undefined) {
      params.push(after.createdAt, after.id);
      where += ' and (d.created_at, d.id) < ($3::timestamptz, $4::uuid)';
    }
    const rows = await this.dataSource.query<WebhookDelivery[]>(
      `${DELIVERY} where ${where} order by d.created_at desc, d.id desc limit $2`,
      params,
    );
    if (rows.length === 0) return [];
    const attempts = await this.dataSource.query<(DeliveryAttempt & { deliveryId: string })[]>(
      `select delivery_id as "deliveryId", attempt, attempted_at as "attemptedAt", outcome,
              status_code as "statusCode", latency_ms as "latencyMs", error
       from notifications.webhook_attempts where delivery_id = any($1) order by id`,
      [rows.map((row) => row.id)],
    );
    return rows.map((row) => ({
      ...row,
      attemptLog: attempts
        .filter((a) => a.deliveryId === row.id)
        .map(({ deliveryId: _deliveryId, ...attempt }) => attempt),
    }));
  }
}
