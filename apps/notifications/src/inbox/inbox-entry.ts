// The inbox's domain: plain types, no Nest, no SQL.

/** One notification addressed to one audience; every user of that audience sees it. */
export interface InboxEntry {
  id: string;
  eventId: string;
  eventType: string;
  audience: string;
  subject: string;
  body: string;
  occurredAt: Date;
  createdAt: Date;
}

/** An entry as one user sees it: with that user's read state. */
export interface UserInboxEntry extends InboxEntry {
  readAt: Date | null;
}

/** Where a user's list resumes: unread first, then newest first. */
export interface InboxPosition {
  read: boolean;
  occurredAt: string;
  id: string;
}

export interface InboxFilter {
  audiences: string[];
  userId: string;
  eventType?: string;
}
