import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The local read model of cities, fed only by `c2c.cities.v1`. Every column but the id may be null:
 * an event can arrive before the city's `registered` one (a replay, a rebuild racing the live
 * consumer), and each field remembers the sequence of the event that set it.
 */
export class CreateCityModel1766000000000 implements MigrationInterface {
  readonly name = 'CreateCityModel1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table commissions.cities (
        city_id uuid primary key,
        name text,
        english_name text,
        country_code char(2),
        level text,
        membership_status text,
        archived_at timestamptz,
        field_sequences jsonb not null default '{}',
        last_sequence bigint not null default 0,
        updated_at timestamptz not null default now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`drop table commissions.cities`);
  }
}
