import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `partnerships.best_practices`, the read model of the best-practice library fed only by
 * `c2c.commissions.v1`: one row per practice, as its latest event (by `last_sequence`) left it.
 * `if not exists` so a schema where it was made by hand (a restore, an operator) migrates all the same.
 */
export class CreateBestPracticeModel1765000000300 implements MigrationInterface {
  readonly name = 'CreateBestPracticeModel1765000000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table if not exists partnerships.best_practices (
        practice_id uuid primary key,
        city_id uuid not null,
        title text not null,
        challenges text[] not null,
        sdgs smallint[] not null,
        cooperation_areas text[] not null,
        status text not null check (status in ('submitted', 'published', 'returned')),
        published_at timestamptz,
        last_sequence bigint not null,
        updated_at timestamptz not null default now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`drop table if exists partnerships.best_practices`);
  }
}
