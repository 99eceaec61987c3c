import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { cursorOf, type Page, pageOf, Problem, ProblemType } from '@c2c/platform';
import { audiencesOfUser } from '../../audiences/audience';
import type { InboxFilter, UserInboxEntry } from '../inbox-entry';
import { COMMISSION_MEMBERS, type CommissionMembers, INBOX_STORE, type InboxStore } from '../ports';

/** Unread first, then newest first: the read flag, time and id of the last entry of the page before. */
const INBOX_CURSOR = cursorOf({ read: 'text', occurredAt: 'timestamp', id: 'uuid' });

/** A user's inbox: what their audiences were told, with their own read state. */
@Injectable()
export class FindNotifications {
  constructor(
    @Inject(INBOX_STORE) private readonly inbox: InboxStore,
    @Inject(COMMISSION_MEMBERS) private readonly members: CommissionMembers,
  ) {}

  /** The filter of what this user sees. */
  async filterOf(user: AuthenticatedUser, eventType?: string): Promise<InboxFilter> {
    const commissions = user.cityId === undefined ? [] : await this.members.commissionsOfCity(user.cityId);
    return { audiences: audiencesOfUser(user, commissions), userId: user.userId, eventType };
  }

  async page(
    user: AuthenticatedUser,
    eventType: string | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<UserInboxEntry> & { unreadCount: number }> {
    const filter = await this.filterOf(user, eventType);
    const position = cursor === undefined ? undefined : INBOX_CURSOR.decode(cursor);
    const after = position === undefined ? undefined : { ...position, read: position.read === '1' };
    const [rows, unreadCount] = await Promise.all([
      this.inbox.list(filter, limit + 1, after),
      this.inbox.unreadCount({ ...filter, eventType: undefined }),
    ]);
    const page = pageOf(rows, limit, (last) => ({
      read: last.readAt === null ? '0' : '1',
      occurredAt: last.occurredAt.toISOString(),
      id: last.id,
    }));
    return { ...page, unreadCount };
  }

  /** The entry if the user sees it; 404 otherwise (another audience's entry does not exist for them). */
  async one(user: AuthenticatedUser, id: string): Promise<UserInboxEntry> {
    const entry = await this.inbox.findVisible(id, await this.filterOf(user));
    if (entry === null) throw new Problem(ProblemType.NotFound, `no notification ${id} for this user`);
    return entry;
  }
}
