import { Logger } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import type { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import type { NotificationsConfig } from '../config';
import type { EmailDeliveriesRepository } from '../email/email-deliveries.repository';
import type { InboxStore } from '../inbox/ports';
import type { WebhookStore } from './ports';
import { WebhookDispatcher } from './webhook-dispatcher';
import type { WebhookMetrics } from './webhook-metrics';

describe(WebhookDispatcher.name, () => {
  const config = {
    WEBHOOKS_ALLOW_HTTP: true,
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: true,
    WEBHOOK_TIMEOUT_MS: 1_000,
    WEBHOOK_RETRY_BASE_MS: 100,
    WEBHOOK_RETRY_CAP_MS: 1_000,
    WEBHOOK_DISABLE_AFTER_FAILURES: 10,
    WEBHOOK_DISABLE_AFTER_MS: 60_000,
    WEBHOOK_CONCURRENCY: 4,
    DELIVERY_INTERVAL_MS: 0,
  } as NotificationsConfig;

  const dispatcher = (claimDue: WebhookStore['claimDue']) =>
    new WebhookDispatcher(
      { claimDue } as WebhookStore,
      {} as InboxStore,
      {} as EmailDeliveriesRepository,
      {} as TransactionRunner,
      config,
      new Clock(),
      {} as SchedulerRegistry,
      {} as WebhookMetrics,
    );

  afterEach(() => jest.restoreAllMocks());

  it('logs a scheduled tick whose lease fails (the database restarting) instead of rejecting', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const failing = dispatcher(() => Promise.reject(new Error('terminating connection')));

    await expect(failing.scheduledTick()).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ msg: 'leasing due webhook deliveries failed' }),
    );
    // The tick itself still says what failed, for the callers that await it.
    await expect(failing.tick()).rejects.toThrow('terminating connection');
  });

  it('leases again on the next tick once the database answers', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const claimDue = jest
      .fn<ReturnType<WebhookStore['claimDue']>, Parameters<WebhookStore['claimDue']>>()
      .mockRejectedValueOnce(new Error('terminating connection'))
      .mockResolvedValue([]);
    const recovering = dispatcher(claimDue);

    await recovering.scheduledTick();
    await recovering.scheduledTick();
    expect(claimDue).toHaveBeenCalledTimes(2);
  });
});
