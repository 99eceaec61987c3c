import { MigrationInterface, QueryRunner } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/**
 * The migration that creates `<schema>.cities`, the local read model of cities fed only by
 * `c2c.cities.v1`, named `CreateCityModel<timestamp>`. Each service passes the timestamp it first
 * shipped the table with, so a database that already ran it sees nothing new. Every column but the id
 * may be null: an event can arrive before the city's `registered` one (a replay, a rebuild racing the
 * live consumer), and each field remembers the sequence of the event that set it.
 */
export function cityModelMigration(schema: string, timestamp: number): MigrationClass {
  const s = `"${schema}"`;
  return class CreateCityModel implements MigrationInterface {
    // TypeORM records a migration by this name and orders migrations by its last 13 digits.
    readonly name = `CreateCityModel${timestamp}`;

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`
        create table ${s}.cities (
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
      await runner.query(`drop table ${s}.cities`);
    }
  };
}
