import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The city registry. Vocabularies are spelled out (not imported) because a migration must keep
 * meaning what it meant when it ran; a new level or status comes with a migration of its own.
 */
export class CreateCities1764900000000 implements MigrationInterface {
  readonly name = 'CreateCities1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    const [trgm] = (await runner.query(`select 1 from pg_extension where extname = 'pg_trgm'`)) as unknown[];
    if (trgm === undefined) {
      // Only the provisioning step (with administrative rights) may install extensions.
      throw new Error("pg_trgm is not installed: provision the cities database with extensions: ['pg_trgm']");
    }
    await runner.query(`
      create table cities.cities (
        id uuid primary key,
        name text not null,
        english_name text,
        local_name text,
        name_key text not null,
        search_text text not null,
        country_code char(2) not null check (country_code ~ '^[A-Z]{2}$'),
        region text,
        level text not null
          check (level in ('municipality', 'metropolitan-city', 'province', 'prefecture', 'district', 'other')),
        population integer check (population >= 0),
        population_year smallint,
        latitude double precision check (latitude between -90 and 90),
        longitude double precision check (longitude between -180 and 180),
        website text,
        leader_name text,
        leader_title text,
        contacts jsonb not null default '[]',
        membership_status text not null check (membership_status in ('member', 'observer', 'non-member')),
        membership_changed_on date not null,
        sdg_focus smallint[] not null default '{}',
        languages text[] not null default '{}',
        version integer not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        archived_at timestamptz,
        check ((latitude is null) = (longitude is null))
      )`);
    // Archived cities keep their key: registering one again points to the archived record.
    await runner.query(
      `create unique index cities_country_name_key_uq on cities.cities (country_code, name_key)`,
    );
    // The list's keyset order.
    await runner.query(`create index cities_name_id_idx on cities.cities (name, id)`);
    // Serves ILIKE and the word-similarity operator; gin_trgm_ops resolves through the role's
    // search_path (cities, extensions), where provisioning installed pg_trgm.
    await runner.query(
      `create index cities_search_trgm_idx on cities.cities using gin (search_text gin_trgm_ops)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`drop table cities.cities`);
  }
}
