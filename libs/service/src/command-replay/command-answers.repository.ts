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
   * Claims the command in `tx`: true if this is its first run. A copy running beside it waits here
   * (on the primary key) until the first one's transaction ends: then it finds the first one's answer
   * (false), or, had that one rolled back, claims the command itself.
   */
  async claim(tx: Tx, command: CommandIdentity): Promise<boolean> {
    const rows = (await tx.query(
      `insert into ${this.table} (user_id, idempotency_key, request_hash, headers)
       values ($1, $2, $3, '{}') on conflict do nothing returning 1`,
      [command.userId, command.key, command.requestHash],
    )) as unknown[];
    return rows.length === 1;
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

  /** Fills in the answer of a command this transaction claimed. */
  async keep(tx: Tx, command: CommandIdentity, answer: CommandAnswer): Promise<void> {
    await tx.query(
      `update ${this.table} set headers = $4, body = $5, answered_at = now()
        where user_id = $1 and idempotency_key = $2 and request_hash = $3`,
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
