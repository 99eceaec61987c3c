import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import type { Message } from '../templates/message';
import type { EmailDelivery } from './email';

/** The e-mail outbox: the only place with its SQL. */
@Injectable()
export class EmailDeliveriesRepository {
  /** One e-mail per event and recipient; a redelivered event adds none. */
  async enqueue(tx: Tx, eventId: string, recipients: string[], message: Message, at: Date): Promise<number> {
    if (recipients.length === 0) return 0;
    // One statement for every recipient: the consumer applies events one after the other, so each
    // round trip to the database is paid in full by the event's latency.
    const rows = await tx.query<unknown[]>(
      `insert into notifications.email_deliveries
         (id, event_id, recipient, subject, body_text, body_html, status, attempts, next_attempt_at, created_at)
       select id, $2, recipient, $3, $4, $5, 'pending', 0, $6, $6
       from unnest($1::uuid[], $7::text[]) as r(id, recipient)
       on conflict (event_id, recipient) do nothing returning id`,
      [
        recipients.map(() => randomUUID()),
        eventId,
        message.subject,
        message.text,
        message.html,
        at,
        recipients,
      ],
    );
    return rows.length;
  }

  /**
   * The next due e-mail, its row locked until the transaction ends, skipping those another instance
   * is sending: each e-mail is in one sender's hands at a time.
   */
  async claimDue(tx: Tx, now: Date): Promise<EmailDelivery | null> {
    const rows = await tx.query<EmailDelivery[]>(
      `select id, event_id as "eventId", recipient, subject, body_text as "bodyText", body_html as "bodyHtml", attempts
       from notifications.email_deliveries
       where status = 'pending' and next_attempt_at <= $1
       order by next_attempt_at limit 1 for update skip locked`,
      [now],
    );
    return rows[0] ?? null;
  }

  async markSent(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.query(
      `update notifications.email_deliveries set status = 'sent', sent_at = $2, attempts = attempts + 1,
         last_error = null where id = $1`,
      [id, at],
    );
  }

  async markFailed(tx: Tx, id: string, error: string, retryAt: Date): Promise<void> {
    await tx.query(
      `update notifications.email_deliveries set attempts = attempts + 1, last_error = $2, next_attempt_at = $3
       where id = $1`,
      [id, error.slice(0, 1000), retryAt],
    );
  }
}
