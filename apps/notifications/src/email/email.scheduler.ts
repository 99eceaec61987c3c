import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { PeriodicPass } from '@c2c/service';
import { NotificationsConfig } from '../config';
import type { EmailTransport } from './email';
import { EMAIL_TRANSPORT, SendDueEmails } from './send-due-emails.usecase';

/**
 * Sends due e-mails in this instance every `DELIVERY_INTERVAL_MS` (0: never). Without an SMTP server
 * (no `SMTP_HOST`) it does not run, and says so once: the e-mails wait in the outbox for one.
 */
@Injectable()
export class EmailScheduler extends PeriodicPass {
  constructor(
    private readonly sending: SendDueEmails,
    @Inject(EMAIL_TRANSPORT) transport: EmailTransport,
    config: NotificationsConfig,
    scheduler: SchedulerRegistry,
  ) {
    super('email-sender', transport.configured ? config.DELIVERY_INTERVAL_MS : 0, scheduler);
    if (!transport.configured && config.DELIVERY_INTERVAL_MS > 0) {
      this.logger.warn('no SMTP_HOST: e-mails are kept in the outbox and sent once a server is configured');
    }
  }

  protected async pass(): Promise<void> {
    const { sent, failed } = await this.sending.run();
    if (sent + failed > 0) this.logger.log({ msg: 'e-mails', sent, failed });
  }
}
