import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The commissions service's knowledge of partnerships, from c2c.partnerships.v1: each partnership's
 * status, cities and cooperation areas, as the last event's snapshot told them.
 */
export class CreatePartnershipModel1766000000600 implements MigrationInterface {
  readonly name = 'CreatePartnershipModel1766000000600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table commissions.partnership_records (
        partnership_id uuid primary key,
        status text not null,
        participant_city_ids uuid[] not null,
        cooperation_areas text[] not null,
        updated_at timestamptz not null
      )`);
    // A commission page counts the active partnerships whose cities overlap its members (`&&`).
    await runner.query(
      `create index partnership_records_active on commissions.partnership_records
       using gin (participant_city_ids) where status = 'active'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table commissions.partnership_records');
  }
}
