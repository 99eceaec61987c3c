import type { Tx } from '@c2c/persistence';

/** A transaction, or the data source itself for a read outside one. */
export type Queryable = Pick<Tx, 'query'>;

/** Which command: its caller, its `Idempotency-Key`, and a hash of its method, path and body. */
export interface CommandIdentity {
  userId: string;
  key: string;
  requestHash: string;
}

/** What a replay sends again: the headers naming the result (`location`, `etag`) and the body. */
export interface CommandAnswer {
  headers: Record<string, string>;
  body: unknown;
}

/** The only place with SQL about kept command answers; every call in the command's transaction. */
export class CommandAnswersRepository {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `"${schema}".command_answers`;
  }

  /**
   * Holds the command's identity until `tx` ends, so a second copy of it (a retry racing the first)
   * waits here and then finds the first one's answer, instead of running beside it.
   */
  async lock(tx: Tx, command: CommandIdentity): Promise<void> {
    await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `${this.table}\n${command.userId}\n${command.key}\n${command.requestHash}`,
    ]);
  }

  async find(db: Queryable, command: CommandIdentity): Promise<CommandAnswer | undefined> {
    const rows = (await db.query(
      `select headers, body from ${this.table}
        where user_id = $1 and idempotency_key = $2 and request_hash = $3`,
      [command.userId, command.key, command.requestHash],
    )) as { headers: Record<string, string>; body: unknown }[];
    const [row] = rows;
    return row === undefined ? undefined : { headers: row.headers, body: row.body ?? undefined };
  }

  async keep(tx: Tx, command: CommandIdentity, answer: CommandAnswer): Promise<void> {
    await tx.query(
      `insert into ${this.table} (user_id, idempotency_key, request_hash, headers, body)
       values ($1, $2, $3, $4, $5)`,
      [
        command.userId,
        command.key,
        command.requestHash,
        JSON.stringify(answer.headers),
        answer.body === undefined ? null : JSON.stringify(answer.body),
      ],
    );
  }

  /** Deletes answers kept longer than `hours`; returns how many. */
  async deleteOlderThan(tx: Tx, hours: number): Promise<number> {
    const [, count] = (await tx.query(
      `delete from ${this.table} where answered_at < now() - make_interval(hours => $1)`,
      [hours],
    )) as [unknown, number];
    return count;
  }
}
