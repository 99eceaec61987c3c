import { MigrationInterface, QueryRunner } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/** The LISTEN/NOTIFY channel on which a schema's outbox announces new rows. */
export const outboxChannel = (schema: string): string => `c2c_outbox_${schema}`;

/**
 * The messaging tables in a service's own schema: the outbox (events waiting for the relay), the
 * per-aggregate sequence that orders them, and the inbox (event ids a consumer group has applied).
 * Every app lists these first among its migrations.
 */
export function messagingMigrations(schema: string): MigrationClass[] {
  const s = `"${schema}"`;
  class CreateMessagingTables1764288000000 implements MigrationInterface {
    readonly name = 'CreateMessagingTables1764288000000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`
        create table ${s}.outbox (
          id bigint generated always as identity primary key,
          event_id uuid not null unique,
          topic text not null,
          event_type text not null,
          aggregate_id text not null,
          sequence bigint not null,
          headers jsonb not null,
          -- json, not jsonb: the relay sends these bytes as they are, without a parse and re-encode.
          payload json not null,
          created_at timestamptz not null default clock_timestamp(),
          published_at timestamptz
        )`);
      await runner.query(
        `create index outbox_unpublished_idx on ${s}.outbox (id) where published_at is null`,
      );
      await runner.query(
        `create index outbox_published_at_idx on ${s}.outbox (published_at) where published_at is not null`,
      );
      // Wakes the relay at commit (NOTIFY is delivered then, and once per transaction).
      await runner.query(`
        create function ${s}.outbox_notify() returns trigger language plpgsql as $$
        begin
          perform pg_notify('${outboxChannel(schema)}', '');
          return null;
        end $$`);
      await runner.query(`
        create trigger outbox_notify after insert on ${s}.outbox
        for each statement execute function ${s}.outbox_notify()`);
      await runner.query(`
        create table ${s}.outbox_sequence (
          topic text not null,
          aggregate_id text not null,
          last_sequence bigint not null,
          primary key (topic, aggregate_id)
        )`);
      await runner.query(`
        create table ${s}.inbox (
          consumer_group text not null,
          event_id uuid not null,
          event_type text not null,
          processed_at timestamptz not null default now(),
          primary key (consumer_group, event_id)
        )`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`drop table ${s}.inbox`);
      await runner.query(`drop table ${s}.outbox_sequence`);
      await runner.query(`drop table ${s}.outbox`);
      await runner.query(`drop function ${s}.outbox_notify()`);
    }
  }
  /**
   * Published rows are deleted rather than marked: marking set an indexed column, which made every
   * mark a new row version in three indexes and the relay's slowest step. Kafka keeps what was sent.
   */
  class DeleteOutboxRowsOnPublish1764370000000 implements MigrationInterface {
    readonly name = 'DeleteOutboxRowsOnPublish1764370000000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`delete from ${s}.outbox where published_at is not null`);
      await runner.query(`drop index ${s}.outbox_unpublished_idx`);
      await runner.query(`drop index ${s}.outbox_published_at_idx`);
      await runner.query(`alter table ${s}.outbox drop column published_at`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`alter table ${s}.outbox add column published_at timestamptz`);
      await runner.query(
        `create index outbox_unpublished_idx on ${s}.outbox (id) where published_at is null`,
      );
      await runner.query(
        `create index outbox_published_at_idx on ${s}.outbox (published_at) where published_at is not null`,
      );
    }
  }
  return [CreateMessagingTables1764288000000, DeleteOutboxRowsOnPublish1764370000000];
}
