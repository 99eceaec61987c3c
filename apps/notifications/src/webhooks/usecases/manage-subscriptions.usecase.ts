import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { TransactionRunner } from '@c2c/persistence';
import { Clock, Problem, ProblemType } from '@c2c/platform';
import { NotificationsConfig } from '../../config';
import { checkTargetUrl, generateWebhookSecret, HEALTHY, type TargetPolicy } from '../delivery';
import { WEBHOOK_STORE, type WebhookStore } from '../ports';
import { selectsSomething, type WebhookSubscription } from '../webhook';

const notFound = (id: string) => new Problem(ProblemType.NotFound, `there is no webhook subscription ${id}`);

const invalid = (field: string, message: string) =>
  new Problem(ProblemType.ValidationError, `invalid field(s): ${field}`, { errors: [{ field, message }] });

/** The secretariat's webhook subscriptions: created with a secret shown once, rotated, deleted. */
@Injectable()
export class ManageSubscriptions {
  private readonly policy: TargetPolicy;

  constructor(
    @Inject(WEBHOOK_STORE) private readonly webhooks: WebhookStore,
    private readonly transactions: TransactionRunner,
    private readonly config: NotificationsConfig,
    private readonly clock: Clock,
  ) {
    this.policy = {
      allowHttp: config.WEBHOOKS_ALLOW_HTTP,
      allowPrivateTargets: config.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
    };
  }

  async create(
    user: AuthenticatedUser,
    input: { url: string; eventTypes: string[]; description?: string },
  ): Promise<WebhookSubscription> {
    const target = checkTargetUrl(input.url, this.policy);
    // A literal private or metadata address is refused now; a name is checked at every delivery.
    if (!target.ok) throw invalid('url', target.error.message);
    const unmatched = input.eventTypes.filter((filter) => !selectsSomething(filter));
    if (unmatched.length > 0) {
      throw invalid('eventTypes', `selects no event type of the catalogue: ${unmatched.join(', ')}`);
    }
    const now = this.clock.now();
    const subscription: WebhookSubscription = {
      id: randomUUID(),
      url: target.url.toString(),
      eventTypes: [...new Set(input.eventTypes)],
      description: input.description ?? null,
      secret: generateWebhookSecret(),
      previousSecret: null,
      previousSecretExpiresAt: null,
      status: 'active',
      disabledReason: null,
      health: { ...HEALTHY },
      createdBy: user.userId,
      createdAt: now,
      updatedAt: now,
    };
    // In a transaction, so that a keyed create commits with its kept answer (CommandReplayInterceptor).
    await this.transactions.run((tx) => this.webhooks.insert(tx, subscription));
    return subscription;
  }

  list(): Promise<WebhookSubscription[]> {
    return this.webhooks.list();
  }

  async get(id: string): Promise<WebhookSubscription> {
    const subscription = await this.webhooks.findById(id);
    if (subscription === null) throw notFound(id);
    return subscription;
  }

  async delete(id: string): Promise<void> {
    if (!(await this.webhooks.markDeleted(id, this.clock.now()))) throw notFound(id);
  }

  /**
   * A new secret, shown once; the previous one keeps signing beside it for the overlap window, so a
   * receiver can switch without dropping a delivery. A disabled subscription stays disabled.
   */
  async rotateSecret(id: string): Promise<WebhookSubscription> {
    return this.transactions.run(async (tx) => {
      const current = await this.webhooks.findForUpdate(tx, id);
      if (current === null) throw notFound(id);
      const now = this.clock.now();
      const rotated: WebhookSubscription = {
        ...current,
        secret: generateWebhookSecret(),
        previousSecret: current.secret,
        previousSecretExpiresAt: new Date(now.getTime() + this.config.WEBHOOK_SECRET_OVERLAP_MS),
        updatedAt: now,
      };
      await this.webhooks.update(tx, rotated);
      return rotated;
    });
  }
}
