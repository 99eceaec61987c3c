import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Clock } from '@c2c/platform';
import type { UserInboxEntry } from '../inbox-entry';
import { INBOX_STORE, type InboxStore } from '../ports';
import { FindNotifications } from './find-notifications.query';

/** A user marks one notification read, or all they see; read state is theirs alone. */
@Injectable()
export class MarkRead {
  constructor(
    @Inject(INBOX_STORE) private readonly inbox: InboxStore,
    private readonly find: FindNotifications,
    private readonly clock: Clock,
  ) {}

  /** The entry, read (again marking it changes nothing); 404 for one the user does not see. */
  async one(user: AuthenticatedUser, id: string): Promise<UserInboxEntry> {
    const entry = await this.find.one(user, id);
    if (entry.readAt !== null) return entry;
    const at = this.clock.now();
    await this.inbox.markRead(id, user.userId, at);
    return { ...entry, readAt: at };
  }

  /** How many were unread. */
  async all(user: AuthenticatedUser): Promise<number> {
    return this.inbox.markAllRead(await this.find.filterOf(user), this.clock.now());
  }
}
