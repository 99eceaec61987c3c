import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, signing keys and idempotency keys: the gateway's whole schema. */
export class CreateIdentityTables1764300000000 implements MigrationInterface {
  readonly name = 'CreateIdentityTables1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table gateway.users (
        id uuid primary key,
        email text not null,
        name text not null,
        roles text[] not null check (cardinality(roles) > 0),
        city_id uuid,
        commission_ids uuid[] not null default '{}',
        password_hash text not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    // E-mail addresses are unique whatever their case: Admin@x and admin@x are one person.
    await runner.query(`create unique index users_email_key on gateway.users (lower(email))`);
    await runner.query(`create index users_created_at_idx on gateway.users (created_at, id)`);

    await runner.query(`
      create table gateway.signing_keys (
        kid text primary key,
        algorithm text not null,
        public_jwk jsonb not null,
        -- AES-256-GCM under SIGNING_KEY_SECRET; never readable without it.
        private_jwk_encrypted text not null,
        created_at timestamptz not null default now(),
        activates_at timestamptz not null,
        retires_at timestamptz
      )`);

    await runner.query(`
      create table gateway.idempotency_keys (
        owner text not null,
        key text not null,
        request_hash text not null,
        state text not null check (state in ('in_progress', 'completed')),
        response_status integer,
        response_headers jsonb,
        response_body bytea,
        locked_until timestamptz not null,
        expires_at timestamptz not null,
        created_at timestamptz not null default now(),
        primary key (owner, key)
      )`);
    await runner.query(
      `create index idempotency_keys_expires_at_idx on gateway.idempotency_keys (expires_at)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`drop table gateway.idempotency_keys`);
    await runner.query(`drop table gateway.signing_keys`);
    await runner.query(`drop table gateway.users`);
  }
}
