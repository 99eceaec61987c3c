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
import { WEBHOOK_STORE } from './webhooks/ports';
import { EnqueueDeliveries } from './webhooks/usecases/enqueue-deliveries.usecase';
import { SubscriptionDeliveries } from './webhooks/usecases/find-deliveries.query';
import { ManageSubscriptions } from './webhooks/usecases/manage-subscriptions.usecase';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookHandlers } from './webhooks/webhook.handlers';
import { WebhookMetrics } from './webhooks/webhook-metrics';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksRepository } from './webhooks/webhooks.repository';

@Module({
  controllers: [NotificationsController, WebhooksController],
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
    WebhooksRepository,
    { provide: WEBHOOK_STORE, useExisting: WebhooksRepository },
    ManageSubscriptions,
    SubscriptionDeliveries,
    EnqueueDeliveries,
    WebhookHandlers,
    WebhookDispatcher,
    WebhookMetrics,
  ],
})
export class NotificationsModule {}
