import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The commissions, their members and the applications to join them, and the forum's three commissions
 * themselves. The rows are spelled out here (not imported) because a migration must keep meaning what it
 * meant when it ran; `on conflict do nothing` keeps the insert harmless if the rows are already there
 * (restored from a dump taken before the migrations table was).
 */
export class CreateCommissions1766000000100 implements MigrationInterface {
  readonly name = 'CreateCommissions1766000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table commissions.commissions (
        id uuid primary key,
        number smallint not null unique check (number between 1 and 3),
        name text not null,
        mandate text not null,
        mandate_starts_on date,
        mandate_ends_on date,
        version integer not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check (mandate_starts_on is null or mandate_ends_on is null or mandate_ends_on >= mandate_starts_on)
      )`);
    await runner.query(
      `insert into commissions.commissions (id, number, name, mandate, version, created_at, updated_at)
       values ($1, 1, $2, $3, 1, now(), now()), ($4, 2, $5, $6, 1, now(), now()), ($7, 3, $8, $9, 1, now(), now())
       on conflict (id) do nothing`,
      [
        'c0000000-0000-4000-8000-000000000001',
        'City to City Cooperation',
        'Develops cooperation between local authorities in two or more countries on matters of mutual ' +
          'interest: sister-city and friendship agreements, memoranda of understanding, project ' +
          'partnerships, peer exchange of information and experience, and the transfer and adaptation of ' +
          'successful practices to new contexts.',
        'c0000000-0000-4000-8000-000000000002',
        'Common Challenges',
        'Brings cities together on the common challenges of urbanization: poverty reduction, governance, ' +
          'and economic, social and environmental policy, and the capacity-building they call for at the ' +
          'local level.',
        'c0000000-0000-4000-8000-000000000003',
        'Local Governments',
        'Strengthens local governments as the level of governance closest to the people and as partners of ' +
          'national governments and international institutions in turning international agreements into ' +
          'action on the ground.',
      ],
    );
    await runner.query(`
      create table commissions.membership_requests (
        id uuid primary key,
        commission_id uuid not null references commissions.commissions (id),
        city_id uuid not null,
        motivation text not null,
        status text not null check (status in ('pending', 'approved', 'rejected', 'ended')),
        requested_by text not null,
        decided_by text,
        decided_at timestamptz,
        reason text,
        version integer not null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`);
    // Never an applicant twice: one pending request per city and commission, whatever races.
    await runner.query(`
      create unique index membership_requests_pending_uq on commissions.membership_requests
        (commission_id, city_id) where status = 'pending'`);
    await runner.query(`
      create index membership_requests_list_idx on commissions.membership_requests
        (commission_id, created_at desc, id desc)`);
    await runner.query(
      `create index membership_requests_city_idx on commissions.membership_requests (city_id)`,
    );
    await runner.query(`
      create table commissions.memberships (
        id uuid primary key,
        commission_id uuid not null references commissions.commissions (id),
        city_id uuid not null,
        role text not null check (role in ('chair', 'vice-chair', 'member')),
        since date not null,
        joined_at timestamptz not null,
        request_id uuid references commissions.membership_requests (id),
        status text not null check (status in ('active', 'left', 'ended')),
        ended_at timestamptz,
        end_reason text,
        version integer not null,
        updated_at timestamptz not null
      )`);
    // Never a member twice, and one chair per commission.
    await runner.query(`
      create unique index memberships_active_uq on commissions.memberships (commission_id, city_id)
        where status = 'active'`);
    await runner.query(`
      create unique index memberships_chair_uq on commissions.memberships (commission_id)
        where status = 'active' and role = 'chair'`);
    await runner.query(`
      create index memberships_list_idx on commissions.memberships (commission_id, joined_at, id)
        where status = 'active'`);
    await runner.query(
      `create index memberships_city_idx on commissions.memberships (city_id, joined_at, id)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`drop table commissions.memberships`);
    await runner.query(`drop table commissions.membership_requests`);
    await runner.query(`drop table commissions.commissions`);
  }
}
