import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { PeriodicPass } from '@c2c/service';
import { NotificationsConfig } from '../config';
import { SendDueEmails } from './send-due-emails.usecase';

/** Sends due e-mails in this instance every `DELIVERY_INTERVAL_MS` (0: never). */
@Injectable()
export class EmailScheduler extends PeriodicPass {
  constructor(
    private readonly sending: SendDueEmails,
    config: NotificationsConfig,
    scheduler: SchedulerRegistry,
  ) {
    super('email-sender', config.DELIVERY_INTERVAL_MS, scheduler);
  }

  protected async pass(): Promise<void> {
    const { sent, failed } = await this.sending.run();
    if (sent + failed > 0) this.logger.log({ msg: 'e-mails', sent, failed });
  }
}
