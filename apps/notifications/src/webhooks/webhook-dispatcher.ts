import { randomUUID } from 'node:crypto';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { TransactionRunner, type Tx } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { NotificationsConfig } from '../config';
import { EmailDeliveriesRepository } from '../email/email-deliveries.repository';
import { INBOX_STORE, type InboxStore } from '../inbox/ports';
import { render } from '../templates/message';
import {
  type BackoffOptions,
  type DeliveryOutcome,
  type DisableRule,
  disableReason,
  recordAttempt,
  retryDelayMs,
  WebhookSender,
} from './delivery';
import { WEBHOOK_STORE, type WebhookStore } from './ports';
import { WebhookMetrics } from './webhook-metrics';
import { signingSecrets, type WebhookDelivery, type WebhookSubscription } from './webhook';

/**
 * Sends due webhook deliveries. Each tick leases what is due (one delivery per subscription at a time)
 * and sends each on its own, without waiting for the others: a target that hangs holds its own lease
 * until its timeout, while every other target's deliveries go out on time. Every attempt is logged;
 * the outcome decides: delivered, retried with backoff and jitter, or failed; `410 Gone` or a long run
 * of failures disables the subscription and tells the secretariat.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('webhooks');
  private readonly sender: WebhookSender;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly backoff: BackoffOptions;
  private readonly disableRule: DisableRule;
  private claiming = false;

  constructor(
    @Inject(WEBHOOK_STORE) private readonly webhooks: WebhookStore,
    @Inject(INBOX_STORE) private readonly inbox: InboxStore,
    private readonly emails: EmailDeliveriesRepository,
    private readonly transactions: TransactionRunner,
    private readonly config: NotificationsConfig,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
    private readonly metrics: WebhookMetrics,
  ) {
    this.sender = new WebhookSender({
      policy: {
        allowHttp: config.WEBHOOKS_ALLOW_HTTP,
        allowPrivateTargets: config.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
      },
      totalTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
      connectTimeoutMs: Math.min(5_000, config.WEBHOOK_TIMEOUT_MS),
    });
    this.backoff = { baseMs: config.WEBHOOK_RETRY_BASE_MS, capMs: config.WEBHOOK_RETRY_CAP_MS };
    this.disableRule = {
      maxConsecutiveFailures: config.WEBHOOK_DISABLE_AFTER_FAILURES,
      maxFailingForMs: config.WEBHOOK_DISABLE_AFTER_MS,
    };
  }

  onApplicationBootstrap(): void {
    if (this.config.DELIVERY_INTERVAL_MS === 0) return;
    this.scheduler.addInterval(
      'webhook-dispatcher',
      setInterval(() => void this.scheduledTick(), this.config.DELIVERY_INTERVAL_MS),
    );
  }

  /**
   * A tick of the interval: one that fails (the database restarting, say) is logged and the next runs
   * at its time. Unhandled, its rejection would end the process.
   */
  async scheduledTick(): Promise<void> {
    try {
      // The sends it starts log their own failures; only the lease is awaited here.
      void (await this.tick());
    } catch (error: unknown) {
      this.logger.error({ err: error, msg: 'leasing due webhook deliveries failed' });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    await this.sender.close();
  }

  /** Leases what is due and starts sending it; returns the sends started (tests await them). */
  async tick(): Promise<Promise<void>[]> {
    if (this.claiming) return [];
    this.claiming = true;
    try {
      const room = this.config.WEBHOOK_CONCURRENCY - this.inFlight.size;
      if (room <= 0) return [];
      const now = this.clock.now();
      // The lease outlives one attempt, so a crashed instance's deliveries are taken up again after it.
      const leaseUntil = new Date(now.getTime() + this.config.WEBHOOK_TIMEOUT_MS + 5_000);
      const due = await this.webhooks.claimDue(now, leaseUntil, room);
      return due.map((delivery) => {
        const send = this.deliver(delivery)
          .catch((error: unknown) =>
            this.logger.error({ err: error, msg: 'webhook delivery failed', deliveryId: delivery.id }),
          )
          .finally(() => this.inFlight.delete(send));
        this.inFlight.add(send);
        return send;
      });
    } finally {
      this.claiming = false;
    }
  }

  /** Sends whatever is due until nothing is, each round awaited (for tests and one-off drains). */
  async drain(): Promise<void> {
    for (;;) {
      const started = await this.tick();
      if (started.length === 0 && this.inFlight.size === 0) return;
      await Promise.allSettled(started.length > 0 ? started : [...this.inFlight]);
    }
  }

  private async deliver(delivery: WebhookDelivery): Promise<void> {
    const subscription = await this.webhooks.findById(delivery.subscriptionId);
    if (subscription === null || subscription.status !== 'active') return;
    const attemptedAt = this.clock.now();
    const outcome = await this.sender.send({
      url: subscription.url,
      messageId: `msg_${delivery.id}`,
      timestamp: attemptedAt,
      body: delivery.body,
      secrets: signingSecrets(subscription, attemptedAt),
    });
    await this.record(delivery, outcome, attemptedAt);
    this.metrics.attempted(outcome.kind);
  }

  private async record(
    delivery: WebhookDelivery,
    outcome: DeliveryOutcome,
    attemptedAt: Date,
  ): Promise<void> {
    await this.transactions.run(async (tx) => {
      const subscription = await this.webhooks.findForUpdate(tx, delivery.subscriptionId);
      const attempt = delivery.attempts + 1;
      await this.webhooks.recordAttempt(tx, delivery.id, {
        attempt,
        attemptedAt,
        outcome: outcome.kind,
        statusCode: outcome.status ?? null,
        latencyMs: outcome.latencyMs,
        error: outcome.error ?? null,
      });
      const now = this.clock.now();
      const next: WebhookDelivery = {
        ...delivery,
        attempts: attempt,
        lastStatusCode: outcome.status ?? null,
        lastError: outcome.error ?? null,
        ...(outcome.kind === 'delivered'
          ? { status: 'delivered', deliveredAt: now }
          : outcome.kind === 'retry'
            ? {
                status: 'pending',
                nextAttemptAt: new Date(
                  now.getTime() + retryDelayMs(attempt, this.backoff, outcome.retryAfterMs),
                ),
              }
            : { status: 'failed' }),
      };
      await this.webhooks.updateDelivery(tx, next);
      if (subscription === null) return;
      const health = recordAttempt(subscription.health, outcome.kind, attemptedAt);
      const reason = disableReason(health, now, this.disableRule);
      const updated: WebhookSubscription = {
        ...subscription,
        health,
        updatedAt: now,
        ...(reason === null ? {} : { status: 'disabled', disabledReason: reason }),
      };
      await this.webhooks.update(tx, updated);
      if (reason !== null && subscription.status === 'active')
        await this.tellSecretariat(tx, updated, reason, now);
    });
  }

  /** A disabled subscription is news for the secretariat: in its inbox, and in its mailbox. */
  private async tellSecretariat(
    tx: Tx,
    subscription: WebhookSubscription,
    reason: string,
    at: Date,
  ): Promise<void> {
    const why =
      reason === 'gone'
        ? 'the receiver answered 410 Gone'
        : reason === 'consecutive-failures'
          ? `${subscription.health.consecutiveFailures} deliveries in a row failed`
          : 'its deliveries have failed for too long';
    const message = render({
      subject: `Webhook disabled: ${subscription.url}`,
      paragraphs: [
        `The webhook subscription to ${subscription.url} was disabled because ${why}.`,
        'Its deliveries are in its delivery log; create a new subscription once the receiver is fixed.',
      ],
    });
    const eventId = randomUUID();
    await this.inbox.insert(tx, [
      {
        id: randomUUID(),
        eventId,
        eventType: 'c2c.notifications.webhook-disabled',
        audience: 'secretariat',
        subject: message.subject,
        body: message.text,
        occurredAt: at,
        createdAt: at,
      },
    ]);
    await this.emails.enqueue(tx, eventId, [this.config.SECRETARIAT_EMAIL], message, at);
    this.logger.warn({ msg: 'webhook subscription disabled', subscriptionId: subscription.id, reason });
  }
}
