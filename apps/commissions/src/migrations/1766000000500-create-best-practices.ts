import { MigrationInterface, QueryRunner } from 'typeorm';

/** The best-practice library, and the practice transfers that partnerships record against it. */
export class CreateBestPractices1766000000500 implements MigrationInterface {
  readonly name = 'CreateBestPractices1766000000500';

  async up(runner: QueryRunner): Promise<void> {
    // `search` is kept by PostgreSQL itself, so no write path can forget it; the title weighs most.
    await runner.query(`
      create table commissions.best_practices (
        id uuid primary key,
        city_id uuid not null,
        title text not null,
        problem text not null,
        solution text not null,
        results text not null,
        lessons text,
        contact jsonb not null,
        challenges text[] not null,
        sdgs smallint[] not null,
        cooperation_areas text[] not null,
        status text not null check (status in ('submitted', 'published', 'returned')),
        submitted_by text not null,
        reviewed_by text,
        review_commission_id uuid references commissions.commissions (id),
        comments text,
        published_at timestamptz,
        version integer not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        search tsvector generated always as (
          setweight(to_tsvector('english'::regconfig, title), 'A') ||
          setweight(to_tsvector('english'::regconfig, problem || ' ' || solution), 'B') ||
          setweight(to_tsvector('english'::regconfig, results || ' ' || coalesce(lessons, '')), 'C')
        ) stored
      )`);
    await runner.query('create index best_practices_search on commissions.best_practices using gin (search)');
    await runner.query(
      `create index best_practices_tags on commissions.best_practices
       using gin (challenges, cooperation_areas)`,
    );
    await runner.query('create index best_practices_sdgs on commissions.best_practices using gin (sdgs)');
    await runner.query(
      'create index best_practices_listing on commissions.best_practices (status, created_at desc, id desc)',
    );
    await runner.query(
      'create index best_practices_of_city on commissions.best_practices (city_id, created_at desc, id desc)',
    );
    // One row per practice-transfer activity, from c2c.partnerships.v1 (replays upsert the same row).
    await runner.query(`
      create table commissions.practice_transfers (
        activity_id uuid primary key,
        practice_id uuid not null,
        partnership_id uuid not null,
        partnership_title text not null,
        source_city_id uuid not null,
        adopting_city_id uuid not null,
        start_date date not null
      )`);
    await runner.query(
      'create index practice_transfers_of_practice on commissions.practice_transfers (practice_id, start_date)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table commissions.practice_transfers');
    await runner.query('drop table commissions.best_practices');
  }
}
