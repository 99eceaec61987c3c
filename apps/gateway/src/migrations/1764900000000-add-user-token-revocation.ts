import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocable access: each user's token version (tokens carry it; older ones are refused), when it was
 * last bumped (the revocation feed lists recent bumps to the services) and when the user was
 * deactivated (no login while set).
 */
export class AddUserTokenRevocation1764900000000 implements MigrationInterface {
  readonly name = 'AddUserTokenRevocation1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      alter table gateway.users
        add column token_version integer not null default 1 check (token_version > 0),
        add column tokens_revoked_at timestamptz,
        add column deactivated_at timestamptz`);
    // The feed asks for the bumps of the last token lifetime every few seconds, from every service.
    await runner.query(
      `create index users_tokens_revoked_at_idx on gateway.users (tokens_revoked_at) where tokens_revoked_at is not null`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`drop index gateway.users_tokens_revoked_at_idx`);
    await runner.query(`
      alter table gateway.users
        drop column deactivated_at,
        drop column tokens_revoked_at,
        drop column token_version`);
  }
}
