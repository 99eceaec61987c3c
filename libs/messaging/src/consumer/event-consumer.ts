import {
  AnyEventEnvelope,
  CE_HEADERS,
  decodeKafkaEvent,
  deadLetterTopicOf,
  EventEnvelopeOf,
  EventType,
  topicOf,
} from '@c2c/contracts';
import { TransactionRunner, Tx } from '@c2c/persistence';
import { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { MessageContexts } from '../context/message-context';
import { idempotentProducerConfig, topicName } from '../kafka/kafka-client';
import { ensureTopics } from '../kafka/topics';
import { DeadLetterInfo, describeError, DLQ_HEADERS } from './dead-letter';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isTransientInfrastructureError,
  RetryPolicy,
} from './failure-policy';

export type EventHandlerFn<T extends EventType> = (event: EventEnvelopeOf<T>, tx: Tx) => Promise<void>;
type AnyHandler = (event: AnyEventEnvelope, tx: Tx) => Promise<void>;

export interface EventConsumerOptions {
  groupId: string;
  /** The schema holding this service's inbox. */
  schema: string;
  topicPrefix?: string;
  retry?: Partial<RetryPolicy>;
  partitionsConsumedConcurrently?: number;
  /** Fault injection for tests only: runs after the database commit, before the offset commit. */
  afterCommitBeforeOffset?: () => Promise<void>;
  onError?: (error: unknown, context: string) => void;
  /** Told what became of each record (metrics). */
  onOutcome?: (type: string, outcome: RecordOutcome) => void;
}

/** A Kafka record as the consumer saw it; dead letters and replays carry the same shape. */
export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: IHeaders;
}

export type RecordOutcome = 'applied' | 'duplicate' | 'skipped' | 'dead-lettered';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Applies events exactly once in effect over at-least-once delivery.
 *
 * Each batch is applied in one transaction that also records every event id in the inbox; duplicates
 * (already in the inbox) are skipped, and the offsets are committed only after the transaction. When a
 * handler throws, the batch is rolled back and replayed one record at a time, each in its own
 * transaction, with retries and backoff; a record that still fails goes to the group's dead-letter topic
 * and the partition moves on. A record whose envelope or payload breaks its contract goes there at once.
 * Infrastructure outages (database down) are not the event's fault: the batch stops uncommitted and
 * Kafka redelivers it.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, AnyHandler[]>();
  private readonly retry: RetryPolicy;
  private readonly inboxSql: string;
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly transactions: TransactionRunner,
    private readonly options: EventConsumerOptions,
  ) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.inboxSql = `insert into "${options.schema}".inbox (consumer_group, event_id, event_type)
      select $1, id, type from unnest($2::uuid[], $3::text[]) as e(id, type)
      on conflict do nothing returning event_id`;
  }

  /**
   * Adds a handler of `type`. A type may have several (a read model and a reaction, say): they run in
   * the order they were added, in one transaction with the event's inbox record, so they all apply once
   * or, if one throws, none does and the event takes the retry and dead-letter path as a whole.
   */
  on<T extends EventType>(type: T, handler: EventHandlerFn<T>): this {
    const handlers = this.handlers.get(type) ?? [];
    handlers.push(handler as unknown as AnyHandler);
    this.handlers.set(type, handlers);
    return this;
  }

  /** The topics this consumer reads, as Kafka names them (prefix included). */
  topics(): string[] {
    const logical = new Set([...this.handlers.keys()].map((type) => topicOf(type as EventType)));
    return [...logical].map((topic) => topicName(this.options.topicPrefix, topic));
  }

  get deadLetterTopic(): string {
    return topicName(this.options.topicPrefix, deadLetterTopicOf(this.options.groupId));
  }

  async start(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(
        admin,
        [...this.topics(), this.deadLetterTopic].map((topic) => ({ topic })),
      );
    } finally {
      await admin.disconnect();
    }
    this.producer = this.kafka.producer(idempotentProducerConfig);
    await this.producer.connect();
    this.consumer = this.kafka.consumer({ groupId: this.options.groupId, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    // A new group reads the topics' whole history: that is how read models are built.
    await this.consumer.subscribe({ topics: this.topics(), fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.consumer = undefined;
    this.producer = undefined;
  }

  // kafkajs hands these out as free functions; destructuring them is its documented use.
  /* eslint-disable @typescript-eslint/unbound-method */
  private async eachBatch({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    /* eslint-enable @typescript-eslint/unbound-method */
    if (batch.messages.length === 0) return;
    const records = batch.messages.map((message) => toRecord(batch.topic, batch.partition, message));
    const commit = async (offset: string) => {
      await this.options.afterCommitBeforeOffset?.();
      resolveOffset(offset);
      await this.consumer?.commitOffsets([
        { topic: batch.topic, partition: batch.partition, offset: (BigInt(offset) + 1n).toString() },
      ]);
    };
    const failedEventId = await this.applyBatch(records);
    if (failedEventId === null) {
      await commit(batch.lastOffset());
      await heartbeat();
      return;
    }
    for (const record of records) {
      if (!isRunning() || isStale()) return;
      // The batch attempt counts as the first try of the record whose handler threw.
      const tried = record.headers[CE_HEADERS.id]?.toString() === failedEventId ? 1 : 0;
      await this.processRecord(record, heartbeat, tried);
      await commit(record.offset);
    }
  }

  /**
   * The fast path: the whole batch in one transaction. Returns null when it committed, else the id of
   * the event whose handler threw (nothing of the batch is applied then), or '' for a poison record.
   */
  private async applyBatch(records: ConsumedRecord[]): Promise<string | null> {
    const events: AnyEventEnvelope[] = [];
    for (const record of records) {
      const decoded = decodeKafkaEvent(record.headers, record.value);
      if (!decoded.ok) {
        if (decoded.reason === 'unknown-type') continue;
        return ''; // poison: the slow path dead-letters it in its place
      }
      if (this.handlers.has(decoded.event.type)) events.push(decoded.event);
    }
    if (events.length === 0) return null;
    let current: AnyEventEnvelope | undefined;
    const outcomes: [string, RecordOutcome][] = [];
    try {
      await this.transactions.run(async (tx) => {
        const fresh = new Set(
          (
            (await tx.query(this.inboxSql, [
              this.options.groupId,
              events.map((event) => event.id),
              events.map((event) => event.type),
            ])) as { event_id: string }[]
          ).map((row) => row.event_id),
        );
        outcomes.length = 0;
        for (const event of events) {
          current = event;
          const isFresh = fresh.delete(event.id);
          if (isFresh) await this.invoke(event, tx);
          outcomes.push([event.type, isFresh ? 'applied' : 'duplicate']);
        }
      });
      for (const [type, outcome] of outcomes) this.options.onOutcome?.(type, outcome);
      return null;
    } catch (error) {
      if (isTransientInfrastructureError(error)) throw error;
      return current?.id ?? '';
    }
  }

  /**
   * One record on its own: decode, validate, apply with retries, or dead-letter. Dead-letter replays
   * come through here too, so a replayed event is deduplicated like any other.
   */
  async processRecord(
    record: ConsumedRecord,
    heartbeat: () => Promise<void> = () => Promise.resolve(),
    alreadyTried = 0,
  ): Promise<RecordOutcome> {
    const outcome = await this.processOne(record, heartbeat, alreadyTried);
    const type = record.headers[CE_HEADERS.type]?.toString() ?? 'unknown';
    this.options.onOutcome?.(type, outcome);
    return outcome;
  }

  private async processOne(
    record: ConsumedRecord,
    heartbeat: () => Promise<void>,
    alreadyTried: number,
  ): Promise<RecordOutcome> {
    const decoded = decodeKafkaEvent(record.headers, record.value);
    if (!decoded.ok) {
      if (decoded.reason === 'unknown-type') return 'skipped';
      const problems = decoded.problems.map((p) =>
        'path' in p ? `${p.path || '/'} ${p.message}` : p.message,
      );
      await this.deadLetter(record, { reason: decoded.reason, error: problems.join('; '), attempts: 0 });
      return 'dead-lettered';
    }
    const event = decoded.event;
    if (!this.handlers.has(event.type)) return 'skipped';
    for (let attempt = alreadyTried + 1; ; attempt++) {
      try {
        return await this.transactions.run(async (tx) => {
          const fresh = (await tx.query(this.inboxSql, [
            this.options.groupId,
            [event.id],
            [event.type],
          ])) as unknown[];
          if (fresh.length === 0) return 'duplicate';
          await this.invoke(event, tx);
          return 'applied';
        });
      } catch (error) {
        if (isTransientInfrastructureError(error)) throw error;
        this.options.onError?.(error, `${event.type} ${event.id} attempt ${attempt}/${this.retry.attempts}`);
        if (attempt >= this.retry.attempts) {
          await this.deadLetter(record, {
            reason: 'handler-failed',
            error: describeError(error),
            attempts: attempt,
          });
          return 'dead-lettered';
        }
        await sleep(backoffDelay(this.retry, attempt));
        await heartbeat();
      }
    }
  }

  private async invoke(event: AnyEventEnvelope, tx: Tx): Promise<void> {
    const handlers = this.handlers.get(event.type) ?? [];
    // One context for the event, not per handler: its handlers together are one hop of the trace.
    await MessageContexts.run(MessageContexts.fromEvent(event), async () => {
      for (const handler of handlers) await handler(event, tx);
    });
  }

  private async deadLetter(record: ConsumedRecord, info: DeadLetterInfo): Promise<void> {
    if (!this.producer) throw new Error('the consumer is not started');
    await this.producer.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [
        {
          key: record.key,
          value: record.value,
          headers: {
            ...record.headers,
            [DLQ_HEADERS.reason]: info.reason,
            [DLQ_HEADERS.error]: info.error,
            [DLQ_HEADERS.attempts]: String(info.attempts),
            [DLQ_HEADERS.group]: this.options.groupId,
            [DLQ_HEADERS.topic]: record.topic,
            [DLQ_HEADERS.partition]: String(record.partition),
            [DLQ_HEADERS.offset]: record.offset,
            [DLQ_HEADERS.failedAt]: new Date().toISOString(),
          },
        },
      ],
    });
  }
}

/** A fetched Kafka message as the consumer, dead letters and replays see it. */
export function toRecord(topic: string, partition: number, message: KafkaMessage): ConsumedRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: message.headers ?? {},
  };
}
