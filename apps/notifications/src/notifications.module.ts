import { Module } from '@nestjs/common';
import { AudienceModelRepository } from './audiences/audience-model.repository';
import { EMAIL_TRANSPORT, SendDueEmails } from './email/send-due-emails.usecase';
import { EmailDeliveriesRepository } from './email/email-deliveries.repository';
import { EmailScheduler } from './email/email.scheduler';
import { SmtpTransport } from './email/smtp-transport';
import { InboxRepository } from './inbox/inbox.repository';
import { NotificationHandlers } from './inbox/notification.handlers';
import { NotificationsController } from './inbox/notifications.controller';
import { COMMISSION_MEMBERS, INBOX_STORE } from './inbox/ports';
import { FindNotifications } from './inbox/usecases/find-notifications.query';
import { MarkRead } from './inbox/usecases/mark-read.usecase';
import { Notify } from './inbox/usecases/notify.usecase';

@Module({
  controllers: [NotificationsController],
  providers: [
    InboxRepository,
    AudienceModelRepository,
    EmailDeliveriesRepository,
    SmtpTransport,
    { provide: INBOX_STORE, useExisting: InboxRepository },
    { provide: COMMISSION_MEMBERS, useExisting: AudienceModelRepository },
    { provide: EMAIL_TRANSPORT, useExisting: SmtpTransport },
    Notify,
    NotificationHandlers,
    FindNotifications,
    MarkRead,
    SendDueEmails,
    EmailScheduler,
  ],
})
export class NotificationsModule {}
