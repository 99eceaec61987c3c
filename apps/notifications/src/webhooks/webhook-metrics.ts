import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { DeliveryOutcomeKind } from './delivery';

const OUTCOMES: readonly DeliveryOutcomeKind[] = ['delivered', 'retry', 'gone', 'rejected', 'refused'];

/**
 * `c2c_webhook_deliveries_total{outcome}`: every delivery attempt, by what it came to. Each outcome's
 * series exists from the start at 0, so the failure-ratio alert sees a rate rather than a missing
 * series when the first failure comes.
 */
@Injectable()
export class WebhookMetrics {
  private readonly attempts: Counter<'outcome'>;

  constructor(registry: Registry) {
    this.attempts = new Counter({
      name: 'c2c_webhook_deliveries_total',
      help: 'Webhook delivery attempts, by outcome (delivered, retry, gone, rejected, refused)',
      labelNames: ['outcome'],
      registers: [registry],
    });
    for (const outcome of OUTCOMES) this.attempts.inc({ outcome }, 0);
  }

  attempted(outcome: DeliveryOutcomeKind): void {
    this.attempts.inc({ outcome });
  }
}
