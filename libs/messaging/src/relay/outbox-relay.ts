import { CE_HEADERS } from '@c2c/contracts';
import { contextOfTraceparent, isTracing, recordFailure, traceHeadersOf, tracer } from '@c2c/platform';
import { ROOT_CONTEXT, type Span, SpanKind, trace } from '@opentelemetry/api';
import { Kafka, Message, Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { idempotentProducerConfig, topicName } from '../kafka/kafka-client';
import { ensureTopics } from '../kafka/topics';
import { outboxChannel } from '../migrations/messaging-tables.migration';
import { MESSAGING_SPAN_ATTRIBUTES as ATTR } from './messaging-spans';

export interface RelayOptions {
  /** The schema whose outbox this relay drains. */
  schema: string;
  /** A connection string for the relay's own session (LISTEN and the leader lock live on it). */
  databaseUrl: string;
  topicPrefix?: string;
  /** Rows read and sent per round trip. */
  batchSize?: number;
  /** How often to look without a NOTIFY: the fallback if a notification is lost. */
  pollIntervalMs?: number;
  /** Topics the service produces to, created at the relay's first pass when missing (local, tests). */
  topics?: string[];
  /** Fault injection for tests only: runs after the broker acknowledged a batch, before its rows are deleted. */
  afterPublishBeforeDelete?: (eventIds: string[]) => Promise<void>;
  onError?: (error: unknown) => void;
  /**
   * Told which events the broker acknowledged, batch by batch, with the seconds from each one's outbox
   * insert to that acknowledgement (in the same order): metrics.
   */
  onPublished?: (eventIds: string[], latencySeconds: number[]) => void;
}

interface OutboxRow {
  id: string;
  event_id: string;
  topic: string;
  aggregate_id: string;
  sequence: string;
  headers: Record<string, string>;
  payload: string;
  /** How long ago the row was inserted when it was read, by the database's clock. */
  age_seconds: number;
}

/** A row read for publishing, with when it was inserted on this process's monotonic clock. */
interface PendingRow extends OutboxRow {
  insertedAtMs: number;
}

export interface RelayBacklog {
  /** Rows committed but not yet acknowledged by the broker. */
  size: number;
  /** Age of the oldest of them, in seconds (0 when there are none). */
  oldestAgeSeconds: number;
}

/**
 * Publishes committed outbox rows to Kafka, in commit order per aggregate.
 *
 * - One relay per schema is active at a time: the holder of a session advisory lock. Replicas stand by
 *   and take over when the leader's session ends, so two replicas never interleave one key's events.
 * - Every pass reads the outbox from its start, in id order, so a transaction that commits late is
 *   picked up by the next pass instead of being skipped.
 * - The producer is idempotent with acks=all; rows are deleted only after the broker acknowledged them. A
 *   crash in between resends them: a duplicate, never a loss (consumers deduplicate by event id).
 */
export class OutboxRelay {
  private readonly s: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private session: Client | undefined;
  private cleaner: Promise<Client> | undefined;
  // Acknowledged by the broker, not yet deleted: left out of reads until the delete commits.
  private readonly acknowledged = new Set<string>();
  private deleting: Promise<void> = Promise.resolve();
  private producer: Producer | undefined;
  private leader = false;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  // A NOTIFY that arrives while a batch is being sent must not wait for the next poll.
  private notified = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly options: RelayOptions,
  ) {
    this.s = `"${options.schema}"`;
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
  }

  get isLeader(): boolean {
    return this.leader;
  }

  start(): Promise<void> {
    if (this.running) return Promise.resolve();
    this.running = true;
    // The producer connects inside the loop, so a broker that is down at start delays publishing
    // (the backlog waits in the outbox) instead of failing the service's start.
    this.loop = this.run();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.deleting;
    await this.releaseSession();
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  async backlog(): Promise<RelayBacklog> {
    const [row] = (await this.dataSource.query(
      `select count(*)::int as size,
              coalesce(extract(epoch from clock_timestamp() - min(created_at)), 0)::float8 as age
         from ${this.s}.outbox`,
    )) as { size: number; age: number }[];
    return { size: row?.size ?? 0, oldestAgeSeconds: row?.age ?? 0 };
  }

  private async run(): Promise<void> {
    let provisioned = !this.options.topics?.length;
    while (this.running) {
      try {
        if (!provisioned) {
          const admin = this.kafka.admin();
          await admin.connect();
          await ensureTopics(
            admin,
            (this.options.topics ?? []).map((topic) => ({ topic })),
          ).finally(() => admin.disconnect());
          provisioned = true;
        }
        if (!(await this.ensureLeadership())) {
          await this.idle(this.pollIntervalMs);
          continue;
        }
        await this.drain();
        await this.idle(this.pollIntervalMs);
      } catch (error) {
        this.options.onError?.(error);
        await this.releaseSession();
        await this.idle(Math.min(this.pollIntervalMs, 1_000));
      }
    }
  }

  /** Publishes the oldest unpublished rows, one batch; returns how many. */
  async publishBatch(): Promise<number> {
    const rows = await this.select('0');
    if (rows.length > 0) {
      await this.send(rows);
      await this.deletePublished(rows);
    }
    return rows.length;
  }

  /**
   * Publishes until the backlog is empty, keeping the database off the path between commit and
   * publish: the next batch is read while one is on its way to the broker, and acknowledged rows are
   * deleted in the background (they are left out of later reads until then). Reading "after the last id
   * read" within a pass is safe for order because one aggregate's rows get increasing ids in commit
   * order (see Outbox); a row that commits late with a smaller id is found by the next pass, which
   * starts from the beginning again.
   */
  async drain(): Promise<number> {
    let total = 0;
    let next = this.select('0');
    for (;;) {
      const rows = await next;
      if (rows.length === 0) break;
      const full = rows.length === this.batchSize;
      next = full ? this.select(rows[rows.length - 1]!.id) : Promise.resolve([]);
      next.catch(() => undefined); // awaited on the next turn; this only stops an unhandled warning
      // Deletes may fall behind sends for a while, not without bound: the exclusion list stays short.
      if (this.acknowledged.size >= 2 * this.batchSize) await this.deleting;
      await this.send(rows);
      this.deleteInBackground(rows);
      total += rows.length;
      if (!full) break;
    }
    return total;
  }

  /**
   * The latency measurement starts at `created_at`, which the insert sets with `clock_timestamp()` (the
   * moment of the insert, within the transaction that commits it, not the transaction's start). Its
   * age is taken on the database's clock when the row is read and continued on this process's
   * monotonic one, so a skew between the two machines' clocks does not enter the figure.
   */
  private async select(afterId: string): Promise<PendingRow[]> {
    const rows = (await this.query(
      `select id, event_id, topic, aggregate_id, sequence, headers, payload::text as payload,
              extract(epoch from clock_timestamp() - created_at)::float8 as age_seconds
         from ${this.s}.outbox
        where id > $1 and not (id = any($3::bigint[]))
        order by id limit $2`,
      [afterId, this.batchSize, [...this.acknowledged]],
    )) as OutboxRow[];
    const readAt = performance.now();
    return rows.map((row) => ({ ...row, insertedAtMs: readAt - Math.max(0, row.age_seconds) * 1_000 }));
  }

  /**
   * Deletes on the app's pool, one batch after another, while the relay's own session reads on. A
   * delete that fails leaves the rows in the outbox: they are sent again (a duplicate, never a loss).
   */
  private deleteInBackground(rows: PendingRow[]): void {
    for (const row of rows) this.acknowledged.add(row.id);
    this.deleting = this.deleting
      .then(() => this.deletePublished(rows))
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => rows.forEach((row) => this.acknowledged.delete(row.id)));
  }

  private async send(rows: PendingRow[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    const spans: Span[] = [];
    for (const row of rows) {
      const topic = topicName(this.options.topicPrefix, row.topic);
      const messages = byTopic.get(topic) ?? [];
      const headers: Record<string, string> = { ...row.headers, [CE_HEADERS.sequence]: row.sequence };
      if (isTracing()) {
        const span = this.publishSpan(row, topic);
        spans.push(span);
        // The consumer continues the trace from the span that published the event.
        const traceparent = traceHeadersOf(trace.setSpan(ROOT_CONTEXT, span)).traceparent;
        if (traceparent !== undefined) headers[CE_HEADERS.traceparent] = traceparent;
      }
      messages.push({ key: row.aggregate_id, value: row.payload, headers });
      byTopic.set(topic, messages);
    }
    try {
      const producer = await this.connectedProducer();
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages })),
      });
    } catch (error) {
      for (const span of spans) recordFailure(span, error);
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
    // Told at the acknowledgement itself, not when the (background) delete gets to these rows.
    const ackedAt = performance.now();
    this.options.onPublished?.(
      rows.map((row) => row.event_id),
      rows.map((row) => (ackedAt - row.insertedAtMs) / 1_000),
    );
  }

  /**
   * A PRODUCER span per event, child of the span that wrote it (the row's stored traceparent; a new
   * trace when it has none), from the batch's send to the broker's acknowledgement. The time the row
   * waited in the outbox before is not in it: that is `c2c_relay_publish_latency_seconds`.
   */
  private publishSpan(row: PendingRow, topic: string): Span {
    return tracer().startSpan(
      `send ${topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          [ATTR.system]: 'kafka',
          [ATTR.operationType]: 'send',
          [ATTR.operationName]: 'send',
          [ATTR.destination]: topic,
          [ATTR.messageId]: row.event_id,
          [ATTR.kafkaKey]: row.aggregate_id,
          ...(row.headers[CE_HEADERS.type] ? { [ATTR.eventType]: row.headers[CE_HEADERS.type] } : {}),
        },
      },
      contextOfTraceparent(row.headers[CE_HEADERS.traceparent]),
    );
  }

  private async deletePublished(rows: OutboxRow[]): Promise<void> {
    await this.options.afterPublishBeforeDelete?.(rows.map((row) => row.event_id));
    const cleaner = (this.cleaner ??= this.openCleaner());
    await (
      await cleaner
    ).query(`delete from ${this.s}.outbox where id = any($1::bigint[])`, [rows.map((row) => row.id)]);
  }

  /**
   * The relay's own queries run on its session, not the app's pool: a busy pool must not delay
   * publishing, and losing the session (and with it leadership) stops publishing at once.
   */
  private async query(sql: string, params: unknown[]): Promise<unknown[]> {
    const session = this.session ?? (await this.openSession());
    return (await session.query(sql, params)).rows as unknown[];
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ ...idempotentProducerConfig, allowAutoTopicCreation: false });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async ensureLeadership(): Promise<boolean> {
    if (this.leader && this.session) return true;
    const session = this.session ?? (await this.openSession());
    const [row] = (
      await session.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [
        `outbox-relay:${this.options.schema}`,
      ])
    ).rows;
    this.leader = row?.locked === true;
    if (this.leader) await session.query(`listen "${outboxChannel(this.options.schema)}"`);
    return this.leader;
  }

  private async openSession(): Promise<Client> {
    const session = new Client({
      connectionString: this.options.databaseUrl,
      application_name: `relay:${this.options.schema}`,
    });
    session.on('error', () => void this.releaseSession());
    session.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    await session.connect();
    this.session = session;
    return session;
  }

  private async releaseSession(): Promise<void> {
    const session = this.session;
    const cleaner = this.cleaner;
    this.session = undefined;
    this.cleaner = undefined;
    this.leader = false;
    // Ending the session releases the advisory lock, so a standby takes over.
    await session?.end().catch(() => undefined);
    await cleaner?.then((client) => client.end()).catch(() => undefined);
  }

  /**
   * A connection of its own for deleting published rows, without waiting for the WAL flush: a delete
   * lost in a crash only means those rows are sent again (duplicates are absorbed by consumers), and
   * the flush it no longer waits for is I/O the committing transactions do not have to share.
   */
  private async openCleaner(): Promise<Client> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: `relay-cleaner:${this.options.schema}`,
      options: '-c synchronous_commit=off',
    });
    client.on('error', () => void this.releaseSession());
    await client.connect();
    return client;
  }

  private idle(ms: number): Promise<void> {
    if (!this.running || this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.notified = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
