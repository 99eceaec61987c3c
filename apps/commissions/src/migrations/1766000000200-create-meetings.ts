import { MigrationInterface, QueryRunner } from 'typeorm';

/** Commission meetings: scheduled, then held (attendance, minutes) or cancelled. */
export class CreateMeetings1766000000200 implements MigrationInterface {
  readonly name = 'CreateMeetings1766000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table commissions.meetings (
        id uuid primary key,
        commission_id uuid not null references commissions.commissions (id),
        title text not null,
        starts_at timestamptz not null,
        time_zone text not null,
        host_city_id uuid,
        online_url text,
        agenda jsonb not null,
        status text not null check (status in ('scheduled', 'held', 'cancelled')),
        held_on date,
        attending_city_ids uuid[] not null,
        minutes text,
        cancellation_reason text,
        scheduled_by text not null,
        version integer not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        -- In a city, online, or both: the contract of meeting-scheduled says so too.
        check (host_city_id is not null or online_url is not null),
        check ((status = 'held') = (held_on is not null and minutes is not null))
      )`);
    await runner.query(
      'create index meetings_of_commission on commissions.meetings (commission_id, starts_at, id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table commissions.meetings');
  }
}
