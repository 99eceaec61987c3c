import { Counter, Gauge, Registry } from 'prom-client';
import type { RecordOutcome } from '../consumer/event-consumer';
import type { OutboxRelay } from '../relay/outbox-relay';

/** The messaging figures an operator alerts on: backlog and its age, throughput, dead letters. */
export class MessagingMetrics {
  private readonly published: Counter;
  private readonly consumed: Counter<'type' | 'outcome'>;

  constructor(private readonly registry: Registry) {
    this.published = new Counter({
      name: 'c2c_outbox_published_events_total',
      help: 'Outbox events acknowledged by the broker',
      registers: [registry],
    });
    this.consumed = new Counter({
      name: 'c2c_consumed_events_total',
      help: 'Events this service consumed, by type and outcome (applied, duplicate, skipped, dead-lettered)',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    });
  }

  onPublished = (eventIds: string[]): void => this.published.inc(eventIds.length);

  onOutcome = (type: string, outcome: RecordOutcome): void => this.consumed.inc({ type, outcome });

  /** Backlog figures are read from the outbox at scrape time, so they are never stale. */
  watchBacklog(relay: OutboxRelay): void {
    let last: Promise<{ size: number; oldestAgeSeconds: number }> | undefined;
    // Both gauges share one query per scrape.
    const backlog = () => (last ??= relay.backlog().finally(() => setImmediate(() => (last = undefined))));
    new Gauge({
      name: 'c2c_outbox_backlog_events',
      help: 'Committed events not yet acknowledged by the broker',
      registers: [this.registry],
      async collect() {
        this.set((await backlog()).size);
      },
    });
    new Gauge({
      name: 'c2c_outbox_oldest_unsent_age_seconds',
      help: 'Age of the oldest committed event not yet acknowledged by the broker',
      registers: [this.registry],
      async collect() {
        this.set((await backlog()).oldestAgeSeconds);
      },
    });
  }
}
