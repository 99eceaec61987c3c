// The e-mail outbox's domain: what is to be sent, and when it is tried again.

export interface EmailDelivery {
  id: string;
  eventId: string;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  attempts: number;
}

/** What an SMTP client must do; nodemailer in the service, a fake in unit tests. */
export interface EmailTransport {
  /** Whether there is a server to send to; without one, e-mails wait in the outbox. */
  readonly configured: boolean;
  send(email: { messageId: string; to: string; subject: string; text: string; html: string }): Promise<void>;
}

/**
 * When a failed send is tried again: exponential from `baseMs`, with full jitter, capped. Never given
 * up: an e-mail waits for its server, however long that takes.
 */
export function nextAttemptDelay(
  attempts: number,
  baseMs: number,
  capMs: number,
  random = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.max(baseMs / 2, Math.round(random() * ceiling));
}
