import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the overdue sweep has already announced: one row per action, its primary key what makes
 * "action-overdue once per action" hold across instances and passes, whatever the actions' flags say.
 */
export class CreateOverdueAnnouncements1766000000400 implements MigrationInterface {
  readonly name = 'CreateOverdueAnnouncements1766000000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table commissions.overdue_announcements (
        action_id uuid primary key references commissions.resolution_actions (id),
        announced_at timestamptz not null
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table commissions.overdue_announcements');
  }
}
