import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { DataSource } from 'typeorm';
import type { InboxEntry, InboxFilter, InboxPosition, UserInboxEntry } from './inbox-entry';
import type { InboxStore } from './ports';

interface Row {
  id: string;
  eventId: string;
  eventType: string;
  audience: string;
  subject: string;
  body: string;
  occurredAt: Date;
  createdAt: Date;
  readAt: Date | null;
}

// An entry as a user sees it; `read` orders unread (0) before read (1).
const VISIBLE = `
  select e.id, e.event_id as "eventId", e.event_type as "eventType", e.audience, e.subject, e.body,
         e.occurred_at as "occurredAt", e.created_at as "createdAt", r.read_at as "readAt",
         (r.entry_id is not null)::int as read
  from notifications.inbox_entries e
  left join notifications.inbox_reads r on r.entry_id = e.id and r.user_id = $2
  where e.audience = any($1)`;

const toEntry = ({ readAt, ...row }: Row): UserInboxEntry => ({ ...row, readAt });

/** The inbox tables: the only place with their SQL. */
@Injectable()
export class InboxRepository implements InboxStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: Tx, entries: InboxEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    // One statement for all of an event's audiences: the consumer's transaction pays one round trip.
    const column = <K extends keyof InboxEntry>(key: K) => entries.map((entry) => entry[key]);
    const rows = await tx.query<unknown[]>(
      `insert into notifications.inbox_entries
         (id, event_id, event_type, audience, subject, body, occurred_at, created_at)
       select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::timestamptz[], $8::timestamptz[])
       on conflict (event_id, audience) do nothing
       returning id`,
      [
        column('id'),
        column('eventId'),
        column('eventType'),
        column('audience'),
        column('subject'),
        column('body'),
        column('occurredAt'),
        column('createdAt'),
      ],
    );
    return rows.length;
  }

  async list(filter: InboxFilter, take: number, after?: InboxPosition): Promise<UserInboxEntry[]> {
    const params: unknown[] = [filter.audiences, filter.userId];
    let sql = `select * from (${VISIBLE}) v where true`;
    if (filter.eventType !== undefined) {
      params.push(filter.eventType);
      sql += ` and v."eventType" = $${params.length}`;
    }
    if (after !== undefined) {
      params.push(after.read ? 1 : 0, after.occurredAt, after.id);
      const [read, at, id] = [params.length - 2, params.length - 1, params.length];
      sql += ` and (v.read > $${read} or (v.read = $${read} and ("occurredAt", id) < ($${at}::timestamptz, $${id}::uuid)))`;
    }
    params.push(take);
    sql += ` order by v.read, v."occurredAt" desc, v.id desc limit $${params.length}`;
    const rows = await this.dataSource.query<Row[]>(sql, params);
    return rows.map(toEntry);
  }

  async unreadCount(filter: InboxFilter): Promise<number> {
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `select count(*)::int as count from (${VISIBLE}) v where v.read = 0`,
      [filter.audiences, filter.userId],
    );
    return row?.count ?? 0;
  }

  async findVisible(id: string, filter: InboxFilter): Promise<UserInboxEntry | null> {
    const rows = await this.dataSource.query<Row[]>(`select * from (${VISIBLE}) v where v.id = $3`, [
      filter.audiences,
      filter.userId,
      id,
    ]);
    return rows[0] === undefined ? null : toEntry(rows[0]);
  }

  async markRead(id: string, userId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `insert into notifications.inbox_reads (entry_id, user_id, read_at) values ($1, $2, $3)
       on conflict do nothing`,
      [id, userId, at],
    );
  }

  async markAllRead(filter: InboxFilter, at: Date): Promise<number> {
    const rows = await this.dataSource.query<unknown[]>(
      `insert into notifications.inbox_reads (entry_id, user_id, read_at)
       select e.id, $2, $3 from notifications.inbox_entries e where e.audience = any($1)
       on conflict do nothing
       returning entry_id`,
      [filter.audiences, filter.userId, at],
    );
    return rows.length;
  }
}
