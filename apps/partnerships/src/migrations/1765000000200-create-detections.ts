import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the time-based detections have already announced. The primary key is what makes "each event
 * once" hold across replicas: a second replica reaching the same finding conflicts here and emits
 * nothing. `subject_key` is the day the finding is about (the dormancy's reference day, the end date).
 */
export class CreateDetections1765000000200 implements MigrationInterface {
  readonly name = 'CreateDetections1765000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table partnerships.detections (
        partnership_id uuid not null references partnerships.partnerships (id),
        kind text not null check (kind in ('dormant', 'renewal-due', 'expired')),
        subject_key text not null,
        detected_at timestamptz not null,
        primary key (partnership_id, kind, subject_key)
      )`);
    // The passes look for candidates by these.
    await runner.query(`
      create index partnerships_end_date_idx on partnerships.partnerships (end_date)
        where end_date is not null and status in ('active', 'suspended')`);
    await runner.query(`
      create index partnerships_activity_idx on partnerships.partnerships (last_activity_on)
        where status = 'active' and dormant_since is null`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`drop index partnerships.partnerships_activity_idx`);
    await runner.query(`drop index partnerships.partnerships_end_date_idx`);
    await runner.query(`drop table partnerships.detections`);
  }
}
