import { MigrationInterface, QueryRunner } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/**
 * The migration that creates `<schema>.command_answers`: the answer of each command that came with an
 * `Idempotency-Key`, kept with the command's effects (see {@link CommandReplayInterceptor}), named
 * `CreateCommandAnswers<timestamp>`. The body is `json`, not `jsonb`, so a replay sends the first
 * answer's bytes in their order.
 */
export function commandAnswersMigration(schema: string, timestamp: number): MigrationClass {
  const s = `"${schema}"`;
  return class CreateCommandAnswers implements MigrationInterface {
    // TypeORM records a migration by this name and orders migrations by its last 13 digits.
    readonly name = `CreateCommandAnswers${timestamp}`;

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`
        create table ${s}.command_answers (
          user_id text not null,
          idempotency_key text not null,
          request_hash text not null,
          headers jsonb not null,
          body json,
          answered_at timestamptz not null default now(),
          primary key (user_id, idempotency_key, request_hash)
        )`);
      await runner.query(
        `create index command_answers_answered_at_idx on ${s}.command_answers (answered_at)`,
      );
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`drop table ${s}.command_answers`);
    }
  };
}
