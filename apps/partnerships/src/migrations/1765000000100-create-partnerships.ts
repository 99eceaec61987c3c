import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partnerships, their participants, history and activities. Vocabularies are spelled out (not
 * imported) because a migration must keep meaning what it meant when it ran.
 */
export class CreatePartnerships1765000000100 implements MigrationInterface {
  readonly name = 'CreatePartnerships1765000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table partnerships.partnerships (
        id uuid primary key,
        type text not null check (type in ('sister-city', 'friendship', 'memorandum-of-understanding',
          'project-partnership', 'multilateral-network', 'technical-cooperation')),
        title text not null,
        description text,
        status text not null check (status in ('proposed', 'active', 'declined', 'withdrawn', 'suspended',
          'terminated', 'expired')),
        proposer_city_id uuid not null,
        cooperation_areas text[] not null,
        sdg_tags smallint[] not null default '{}',
        start_date date,
        end_date date,
        agreement jsonb,
        activated_at timestamptz,
        last_activity_on date,
        dormant_since date,
        renewal_reminded_for date,
        version integer not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check (start_date is null or end_date is null or end_date >= start_date)
      )`);
    // The list's keyset order, newest first.
    await runner.query(
      `create index partnerships_created_idx on partnerships.partnerships (created_at desc, id desc)`,
    );
    await runner.query(`create index partnerships_status_idx on partnerships.partnerships (status)`);
    await runner.query(`
      create table partnerships.participants (
        partnership_id uuid not null references partnerships.partnerships (id),
        city_id uuid not null,
        position smallint not null,
        role text not null check (role in ('proposer', 'partner')),
        name text not null,
        country_code char(2) not null,
        accepted_at timestamptz,
        primary key (partnership_id, city_id)
      )`);
    // Filtering by city (the dossier) and the city-archived reaction.
    await runner.query(`create index participants_city_idx on partnerships.participants (city_id)`);
    await runner.query(`
      create table partnerships.history (
        id bigint generated always as identity primary key,
        partnership_id uuid not null references partnerships.partnerships (id),
        at timestamptz not null,
        action text not null,
        from_status text,
        to_status text not null,
        actor_id text,
        city_id uuid,
        reason text,
        event_id uuid not null
      )`);
    await runner.query(`create index history_partnership_idx on partnerships.history (partnership_id, id)`);
    await runner.query(`
      create table partnerships.activities (
        id uuid primary key,
        partnership_id uuid not null references partnerships.partnerships (id),
        kind text not null check (kind in ('peer-exchange', 'study-visit', 'delegation', 'training-workshop',
          'joint-project', 'practice-transfer', 'international-programme')),
        title text not null,
        start_date date not null,
        end_date date,
        participating_city_ids uuid[] not null,
        outcomes text,
        best_practice_id uuid,
        source_city_id uuid,
        adopting_city_id uuid,
        recorded_at timestamptz not null,
        recorded_by text,
        check (end_date is null or end_date >= start_date),
        check (kind <> 'practice-transfer' or best_practice_id is not null)
      )`);
    await runner.query(
      `create index activities_partnership_idx on partnerships.activities (partnership_id, start_date)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`drop table partnerships.activities`);
    await runner.query(`drop table partnerships.history`);
    await runner.query(`drop table partnerships.participants`);
    await runner.query(`drop table partnerships.partnerships`);
  }
}
