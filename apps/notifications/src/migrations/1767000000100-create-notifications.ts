import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox (one entry per event and audience, read state per user), the read models the audiences
 * are resolved from (commission members, city contact officers), and the e-mail outbox.
 */
export class CreateNotifications1767000000100 implements MigrationInterface {
  readonly name = 'CreateNotifications1767000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table notifications.inbox_entries (
        id uuid primary key,
        event_id uuid not null,
        event_type text not null,
        audience text not null,
        subject text not null,
        body text not null,
        occurred_at timestamptz not null,
        created_at timestamptz not null,
        unique (event_id, audience)
      )`);
    await runner.query(
      `create index inbox_entries_of_audience
       on notifications.inbox_entries (audience, occurred_at desc, id desc)`,
    );
    await runner.query(`
      create table notifications.inbox_reads (
        entry_id uuid not null references notifications.inbox_entries (id),
        user_id text not null,
        read_at timestamptz not null,
        primary key (user_id, entry_id)
      )`);
    await runner.query(`
      create table notifications.commission_members (
        commission_id uuid not null,
        city_id uuid not null,
        primary key (commission_id, city_id)
      )`);
    await runner.query(
      'create index commission_members_of_city on notifications.commission_members (city_id)',
    );
    // Personal data (names and e-mails of contact officers), kept only to address e-mails.
    await runner.query(`
      create table notifications.city_contacts (
        city_id uuid primary key,
        officers jsonb not null,
        updated_at timestamptz not null
      )`);
    // The e-mail outbox: written with the inbox entries, sent after, retried until the server takes it.
    await runner.query(`
      create table notifications.email_deliveries (
        id uuid primary key,
        event_id uuid not null,
        recipient text not null,
        subject text not null,
        body_text text not null,
        body_html text not null,
        status text not null check (status in ('pending', 'sent')),
        attempts integer not null,
        next_attempt_at timestamptz not null,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz not null,
        unique (event_id, recipient)
      )`);
    await runner.query(
      `create index email_deliveries_due on notifications.email_deliveries (next_attempt_at)
       where status = 'pending'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'email_deliveries',
      'city_contacts',
      'commission_members',
      'inbox_reads',
      'inbox_entries',
    ]) {
      await runner.query(`drop table notifications.${table}`);
    }
  }
}
