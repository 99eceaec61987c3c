import { isKnownEventType } from '@c2c/contracts';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RecordOutcome } from '../consumer/event-consumer';
import type { PartitionLag } from '../kafka/consumer-lag';
import type { OutboxRelay } from '../relay/outbox-relay';

/** The `type` label of consumed events whose type is not registered in the contracts. */
export const UNKNOWN_TYPE = 'unknown';

/** The messaging figures an operator alerts on: backlog and its age, throughput, dead letters. */
export class MessagingMetrics {
  private readonly published: Counter;
  private readonly consumed: Counter<'type' | 'outcome'>;
  private readonly publishLatency: Histogram;
  private readonly retries: Counter<'type'>;
  private readonly heldPartitions: Gauge<'topic' | 'partition'>;
  private readonly restarts: Counter;

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
    this.publishLatency = new Histogram({
      name: 'c2c_relay_publish_latency_seconds',
      help: "Time from an event's outbox insert (in the transaction that commits it) to the broker's acknowledgement",
      // A NOTIFY wake-up publishes within milliseconds; the polling fallback within a second; beyond
      // that the broker or the relay is in trouble.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    });
    this.retries = new Counter({
      name: 'c2c_event_retries_total',
      help: 'Failed handler tries of consumed events that are tried again, by type',
      labelNames: ['type'],
      registers: [registry],
    });
    this.heldPartitions = new Gauge({
      name: 'c2c_consumer_held_partitions',
      help: 'Partitions paused because their dead-letter topic refuses letters (1 while waiting)',
      labelNames: ['topic', 'partition'],
      registers: [registry],
    });
    this.restarts = new Counter({
      name: 'c2c_consumer_restarts_total',
      help: 'Times the consumer was started again after a crash kafkajs does not restart from',
      registers: [registry],
    });
  }

  onPublished = (eventIds: string[], latencySeconds: number[] = []): void => {
    this.published.inc(eventIds.length);
    for (const seconds of latencySeconds) this.publishLatency.observe(seconds);
  };

  /**
   * `c2c_consumer_held_partitions{topic,partition}`: 1 while a partition waits because its dead-letter
   * topic refuses letters (alert on any), 0 once it moves again.
   */
  onPartitionHeld = (topic: string, partition: number, held: boolean): void =>
    this.heldPartitions.set({ topic, partition: String(partition) }, held ? 1 : 0);

  /** `c2c_consumer_restarts_total`: a rising count is a consumer that keeps crashing (see its log). */
  onRestart = (): void => this.restarts.inc();

  /** Same label rule as {@link onOutcome}. */
  onRetry = (type: string): void => this.retries.inc({ type: isKnownEventType(type) ? type : UNKNOWN_TYPE });

  /**
   * The type comes off the wire (`ce_type`), so anyone who can write to a topic could mint a label per
   * record and grow the registry without bound: only registered types are labels, the rest `unknown`.
   */
  onOutcome = (type: string, outcome: RecordOutcome): void =>
    this.consumed.inc({ type: isKnownEventType(type) ? type : UNKNOWN_TYPE, outcome });

  /**
   * `c2c_consumer_lag{group,topic,partition}`, read from the broker at scrape time. A broker that does
   * not answer leaves the gauge empty for that scrape (the `up` of the other figures stays), rather
   * than failing the whole scrape.
   */
  watchLag(groupId: string, consumer: { lag(): Promise<PartitionLag[]> }): void {
    new Gauge({
      name: 'c2c_consumer_lag',
      help: 'Records written to a partition and not yet consumed by the group',
      labelNames: ['group', 'topic', 'partition'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const lags = await consumer.lag().catch(() => []);
        for (const { topic, partition, lag } of lags) {
          this.set({ group: groupId, topic, partition: String(partition) }, lag);
        }
      },
    });
  }

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
