import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions, their deliveries (an outbox: recorded with the event's inbox mark, sent after)
 * and the log of every attempt.
 */
export class CreateWebhooks1767000000200 implements MigrationInterface {
  readonly name = 'CreateWebhooks1767000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table notifications.webhook_subscriptions (
        id uuid primary key,
        url text not null,
        event_types text[] not null,
        description text,
        secret text not null,
        previous_secret text,
        previous_secret_expires_at timestamptz,
        status text not null check (status in ('active', 'disabled')),
        disabled_reason text,
        consecutive_failures integer not null,
        failing_since timestamptz,
        created_by text not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        deleted_at timestamptz
      )`);
    await runner.query(`
      create table notifications.webhook_deliveries (
        id uuid primary key,
        subscription_id uuid not null references notifications.webhook_subscriptions (id),
        event_id uuid not null,
        event_type text not null,
        body text not null,
        status text not null check (status in ('pending', 'delivered', 'failed')),
        attempts integer not null,
        next_attempt_at timestamptz not null,
        lease_until timestamptz,
        last_status_code integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz not null,
        unique (subscription_id, event_id)
      )`);
    await runner.query(
      `create index webhook_deliveries_due on notifications.webhook_deliveries (next_attempt_at)
       where status = 'pending'`,
    );
    await runner.query(
      `create index webhook_deliveries_of_subscription
       on notifications.webhook_deliveries (subscription_id, created_at desc, id desc)`,
    );
    await runner.query(`
      create table notifications.webhook_attempts (
        id bigint generated always as identity primary key,
        delivery_id uuid not null references notifications.webhook_deliveries (id),
        attempt integer not null,
        attempted_at timestamptz not null,
        outcome text not null,
        status_code integer,
        latency_ms integer not null,
        error text
      )`);
    await runner.query(
      'create index webhook_attempts_of_delivery on notifications.webhook_attempts (delivery_id, id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table notifications.webhook_attempts');
    await runner.query('drop table notifications.webhook_deliveries');
    await runner.query('drop table notifications.webhook_subscriptions');
  }
}
