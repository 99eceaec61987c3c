import { Inject, Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { NotificationsConfig } from '../config';
import { type EmailTransport, nextAttemptDelay } from './email';
import { EmailDeliveriesRepository } from './email-deliveries.repository';

export const EMAIL_TRANSPORT = Symbol('EmailTransport');

/**
 * Sends the e-mails that are due, one at a time per instance, each under its row's lock: a failure
 * is recorded and tried again later with backoff; a sent e-mail is marked in the same transaction.
 * A crash between the server's acceptance and the mark sends it again (with the same Message-ID):
 * at least once, never lost.
 */
@Injectable()
export class SendDueEmails {
  private readonly logger = new Logger('email');

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly deliveries: EmailDeliveriesRepository,
    @Inject(EMAIL_TRANSPORT) private readonly transport: EmailTransport,
    private readonly config: NotificationsConfig,
    private readonly clock: Clock,
  ) {}

  /** Sends until nothing is due or `limit` were tried; how many were sent. */
  async run(limit = 100): Promise<{ sent: number; failed: number }> {
    const result = { sent: 0, failed: 0 };
    for (let tried = 0; tried < limit; tried++) {
      const outcome = await this.transactions.run(async (tx) => {
        const due = await this.deliveries.claimDue(tx, this.clock.now());
        if (due === null) return 'none';
        try {
          await this.transport.send({
            messageId: `<${due.id}@notifications.c2c>`,
            to: due.recipient,
            subject: due.subject,
            text: due.bodyText,
            html: due.bodyHtml,
          });
          await this.deliveries.markSent(tx, due.id, this.clock.now());
          return 'sent';
        } catch (error) {
          const delay = nextAttemptDelay(
            due.attempts + 1,
            this.config.DELIVERY_RETRY_BASE_MS,
            this.config.DELIVERY_RETRY_CAP_MS,
          );
          const message = error instanceof Error ? error.message : String(error);
          await this.deliveries.markFailed(tx, due.id, message, new Date(this.clock.now().getTime() + delay));
          this.logger.warn({
            msg: 'e-mail not sent; will retry',
            deliveryId: due.id,
            attempts: due.attempts + 1,
            error: message,
          });
          return 'failed';
        }
      });
      if (outcome === 'none') break;
      result[outcome]++;
      // A failing server: stop this pass rather than fail every due e-mail against it.
      if (outcome === 'failed') break;
    }
    return result;
  }
}
