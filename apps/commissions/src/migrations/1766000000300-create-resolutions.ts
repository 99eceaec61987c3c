import { MigrationInterface, QueryRunner } from 'typeorm';

/** Resolutions and declarations adopted at held meetings, and their follow-up actions. */
export class CreateResolutions1766000000300 implements MigrationInterface {
  readonly name = 'CreateResolutions1766000000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table commissions.resolutions (
        id uuid primary key,
        commission_id uuid not null references commissions.commissions (id),
        meeting_id uuid not null references commissions.meetings (id),
        kind text not null check (kind in ('resolution', 'declaration')),
        title text not null,
        text text not null,
        adopted_by text not null,
        version integer not null,
        created_at timestamptz not null
      )`);
    await runner.query(
      'create index resolutions_of_commission on commissions.resolutions (commission_id, created_at, id)',
    );
    await runner.query(`
      create table commissions.resolution_actions (
        id uuid primary key,
        resolution_id uuid not null references commissions.resolutions (id),
        commission_id uuid not null references commissions.commissions (id),
        position integer not null,
        owner_city_id uuid not null,
        description text not null,
        due_date date not null,
        status text not null check (status in ('open', 'in-progress', 'done', 'dropped')),
        version integer not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        unique (resolution_id, position)
      )`);
    // What the overdue sweep scans: the actions still running, by due date.
    await runner.query(
      `create index resolution_actions_running on commissions.resolution_actions (due_date)
       where status in ('open', 'in-progress')`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table commissions.resolution_actions');
    await runner.query('drop table commissions.resolutions');
  }
}
