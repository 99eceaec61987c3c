import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export type Claim =
  | { outcome: 'claimed' }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'mismatch' }
  | { outcome: 'in-progress' }
  /** The owner already holds `maxLive` live keys; nothing was stored. */
  | { outcome: 'over-limit'; retryAfterSeconds: number };

/** How long a claim holds before it counts as abandoned. */
const LOCK_SECONDS = 60;

/** The only place with SQL about idempotency keys. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims a key for a request in one statement: a new key, an expired one, or an abandoned claim of
   * the same request becomes ours; otherwise the existing row says what to answer. A new key is
   * inserted only while the owner holds fewer than `maxLive` live keys (checked in the same
   * statement; concurrent claims of one owner may pass the bound by a few, never by many).
   */
  async claim(
    owner: string,
    key: string,
    requestHash: string,
    ttlHours: number,
    maxLive: number,
  ): Promise<Claim> {
    const claimed = (await this.dataSource.query(
      `insert into gateway.idempotency_keys
         (owner, key, request_hash, state, locked_until, expires_at)
       select $1, $2, $3, 'in_progress', now() + make_interval(secs => $4), now() + make_interval(hours => $5)
        where (select count(*) from (select 1 from gateway.idempotency_keys
                                      where owner = $1 and expires_at > now() limit $6) live) < $6
           or exists (select 1 from gateway.idempotency_keys
                       where owner = $1 and key = $2 and expires_at > now())
       on conflict (owner, key) do update
         set request_hash = excluded.request_hash, state = 'in_progress', response_status = null,
             response_headers = null, response_body = null, locked_until = excluded.locked_until,
             expires_at = excluded.expires_at, created_at = now()
         where idempotency_keys.expires_at < now()
            or (idempotency_keys.state = 'in_progress' and idempotency_keys.locked_until < now()
                and idempotency_keys.request_hash = excluded.request_hash)
       returning key`,
      [owner, key, requestHash, LOCK_SECONDS, ttlHours, maxLive],
    )) as unknown[];
    if (claimed.length > 0) return { outcome: 'claimed' };

    const row = await this.dataSource.getRepository(IdempotencyKeyEntity).findOneBy({ owner, key });
    // Absent, or expired and not re-armed: the statement found the owner at its bound (or the key was
    // released in between).
    if (row === null || row.expiresAt.getTime() <= Date.now()) {
      const [live] = (await this.dataSource.query(
        `select count(*)::int as count,
                ceil(extract(epoch from min(expires_at) - now()))::int as "retryAfterSeconds"
           from gateway.idempotency_keys where owner = $1 and expires_at > now()`,
        [owner],
      )) as { count: number; retryAfterSeconds: number | null }[];
      if (live !== undefined && live.count >= maxLive) {
        return { outcome: 'over-limit', retryAfterSeconds: Math.max(1, live.retryAfterSeconds ?? 1) };
      }
      // Deleted in between (its request failed and released it): the client may simply retry.
      return { outcome: 'in-progress' };
    }
    if (row.requestHash !== requestHash) return { outcome: 'mismatch' };
    if (row.state !== 'completed' || row.responseStatus === null) return { outcome: 'in-progress' };
    return {
      outcome: 'replay',
      response: {
        status: row.responseStatus,
        headers: row.responseHeaders ?? {},
        body: row.responseBody ?? Buffer.alloc(0),
      },
    };
  }

  async complete(owner: string, key: string, response: StoredResponse): Promise<void> {
    await this.dataSource.getRepository(IdempotencyKeyEntity).update(
      { owner, key, state: 'in_progress' },
      {
        state: 'completed',
        responseStatus: response.status,
        responseHeaders: response.headers,
        responseBody: response.body,
      },
    );
  }

  /** Gives a key back after a failed request, which changed nothing and may be retried as it was. */
  async release(owner: string, key: string): Promise<void> {
    await this.dataSource.getRepository(IdempotencyKeyEntity).delete({ owner, key, state: 'in_progress' });
  }

  async deleteExpired(): Promise<void> {
    await this.dataSource.query('delete from gateway.idempotency_keys where expires_at < now()');
  }
}
