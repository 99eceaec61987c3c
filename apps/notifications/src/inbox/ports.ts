import type { Tx } from '@c2c/persistence';
import type { InboxEntry, InboxFilter, InboxPosition, UserInboxEntry } from './inbox-entry';

export const INBOX_STORE = Symbol('InboxStore');
export const COMMISSION_MEMBERS = Symbol('CommissionMembers');

export interface InboxStore {
  /** The entries; one already there for its event and audience is left as it is (a redelivery). */
  insert(tx: Tx, entries: InboxEntry[]): Promise<number>;
  /** What the user's audiences see: unread first, newest first, at most `take`, after `after`. */
  list(filter: InboxFilter, take: number, after?: InboxPosition): Promise<UserInboxEntry[]>;
  unreadCount(filter: InboxFilter): Promise<number>;
  /** The entry if one of these audiences sees it. */
  findVisible(id: string, filter: InboxFilter): Promise<UserInboxEntry | null>;
  markRead(id: string, userId: string, at: Date): Promise<void>;
  /** Marks every entry the audiences see; how many were unread. */
  markAllRead(filter: InboxFilter, at: Date): Promise<number>;
}

/** The commissions' member cities, as c2c.commissions.v1 told them. */
export interface CommissionMembers {
  commissionsOfCity(cityId: string): Promise<string[]>;
}
