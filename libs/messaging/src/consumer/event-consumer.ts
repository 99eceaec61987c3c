import { deadLetterTopicOf, EventType, topicOf } from '@c2c/contracts';
import { TransactionRunner } from '@c2c/persistence';
import { Admin, Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import { consumerLag, PartitionLag } from '../kafka/consumer-lag';
import { idempotentProducerConfig, topicName } from '../kafka/kafka-client';
import { ensureTopics } from '../kafka/topics';
import { BatchProcessor, type BatchSummary } from './batch-processor';
import { ConsumedRecord, EventHandlerFn, RecordOutcome, toRecord } from './consumed-record';
import { DeadLetterRefused } from './dead-letter';
import { DEFAULT_RETRY_POLICY, RetryPolicy } from './failure-policy';
import { GroupMembership, type GroupState } from './group-membership';

export { toRecord, type ConsumedRecord, type EventHandlerFn, type RecordOutcome } from './consumed-record';

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
  /** Told of each failed try of a handler that will be tried again (metrics). */
  onRetry?: (type: string) => void;
  /** Told what became of each fetched batch (its log line). */
  onBatch?: (summary: BatchSummary) => void;
  /**
   * How long a partition waits, at first, when its dead-letter topic refuses a letter (the wait
   * doubles each time it is refused again, up to a minute). 5 s by default.
   */
  deadLetterRetryMs?: number;
  /** Told when a partition starts and stops waiting on its dead-letter topic (metrics, alert). */
  onPartitionHeld?: (topic: string, partition: number, held: boolean) => void;
  /**
   * How long the consumer waits, at first, before starting again after a crash kafkajs does not
   * restart from (the wait doubles with each crash in a row, up to 30 s). 1 s by default.
   */
  restartAfterMs?: number;
  /** Told each time the consumer is started again after such a crash (metrics). */
  onRestart?: () => void;
}

/** Tries of one dead letter (each after the producer's own retries) before its partition waits. */
const DEAD_LETTER_ATTEMPTS = 3;
const MAX_DEAD_LETTER_WAIT_MS = 60_000;
const MAX_RESTART_WAIT_MS = 30_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Applies events exactly once in effect over at-least-once delivery.
 *
 * Each batch is applied in one transaction that also records every event id in the inbox; duplicates
 * (already in the inbox) are skipped, and the offsets are committed only after the transaction. When a
 * handler throws, the batch is rolled back and replayed one record at a time, each in its own
 * transaction, with retries and backoff; a record that still fails goes to the group's dead-letter topic
 * and the partition moves on. A record whose envelope or payload breaks its contract goes there at once,
 * as does one not written by the owner of the topic it arrived on (its `ce_source`, its type) and one
 * a handler refuses with `RejectedEvent`.
 * Infrastructure outages (database down) are not the event's fault: the batch stops uncommitted and
 * Kafka redelivers it.
 */
export class EventConsumer {
  private readonly processor: BatchProcessor;
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private lagAdmin: Admin | undefined;
  private readonly membership = new GroupMembership();
  /** Partitions waiting on their dead-letter topic, with how long the next wait will be. */
  private readonly held = new Map<string, number>();
  /** Crashes since the consumer last joined its group: the next restart waits longer for each. */
  private crashesInARow = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    private readonly kafka: Kafka,
    transactions: TransactionRunner,
    private readonly options: EventConsumerOptions,
  ) {
    this.processor = new BatchProcessor(transactions, {
      groupId: options.groupId,
      schema: options.schema,
      ...(options.topicPrefix === undefined ? {} : { topicPrefix: options.topicPrefix }),
      retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      deadLetters: {
        send: async (message) => {
          for (let attempt = 1; ; attempt++) {
            if (!this.producer) throw new Error('the consumer is not started');
            try {
              await this.producer.send({ topic: this.deadLetterTopic, acks: -1, messages: [message] });
              return;
            } catch (error) {
              if (attempt >= DEAD_LETTER_ATTEMPTS) throw new DeadLetterRefused(this.deadLetterTopic, error);
              await sleep(100 * 2 ** attempt);
            }
          }
        },
      },
      ...(options.onError ? { onError: options.onError } : {}),
      ...(options.onOutcome ? { onOutcome: options.onOutcome } : {}),
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
      ...(options.onBatch ? { onBatch: options.onBatch } : {}),
    });
  }

  /**
   * Adds a handler of `type`. A type may have several (a read model and a reaction, say): they run in
   * the order they were added, in one transaction with the event's inbox record, so they all apply once
   * or, if one throws, none does and the event takes the retry and dead-letter path as a whole.
   */
  on<T extends EventType>(type: T, handler: EventHandlerFn<T>): this {
    this.processor.on(type, handler);
    return this;
  }

  /** The topics this consumer reads, as Kafka names them (prefix included). */
  topics(): string[] {
    const logical = new Set(this.processor.eventTypes().map((type) => topicOf(type)));
    return [...logical].map((topic) => topicName(this.options.topicPrefix, topic));
  }

  get deadLetterTopic(): string {
    return topicName(this.options.topicPrefix, deadLetterTopicOf(this.options.groupId));
  }

  async start(): Promise<void> {
    this.stopping = false;
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
    await this.runConsumer();
  }

  private async runConsumer(): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: this.options.groupId, maxWaitTimeInMs: 100 });
    this.consumer = consumer;
    this.membership.follow(consumer);
    consumer.on(consumer.events.GROUP_JOIN, () => {
      if (this.consumer === consumer) this.crashesInARow = 0;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.restartLater(consumer, payload.error);
    });
    await consumer.connect();
    // A new group reads the topics' whole history: that is how read models are built.
    await consumer.subscribe({ topics: this.topics(), fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  /**
   * kafkajs restarts a consumer after a retriable error only; after any other (a heartbeat answered
   * "the coordinator is not aware of this member" once the group evicted a paused process) it leaves
   * it stopped, and the service up without it. So the consumer is started again here, as a new member,
   * after a wait that doubles with each crash in a row; what it had not committed is fetched again.
   */
  private restartLater(crashed: Consumer, error: unknown): void {
    if (this.stopping || this.consumer !== crashed) return;
    const wait = Math.min(
      (this.options.restartAfterMs ?? 1_000) * 2 ** this.crashesInARow,
      MAX_RESTART_WAIT_MS,
    );
    this.crashesInARow++;
    this.options.onError?.(
      error,
      `the consumer of ${this.options.groupId} crashed; it starts again in ${wait} ms`,
    );
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => void this.restart(crashed), wait);
  }

  private async restart(crashed: Consumer): Promise<void> {
    if (this.stopping || this.consumer !== crashed) return;
    await crashed.disconnect().catch(() => undefined);
    this.options.onRestart?.();
    try {
      await this.runConsumer();
    } catch (error) {
      // Not yet reachable (the broker still down): the new consumer is the one to start again.
      if (this.consumer) this.restartLater(this.consumer, error);
    }
  }

  /** The group's lag per partition of its topics, from the broker; empty while the consumer is stopped. */
  async lag(): Promise<PartitionLag[]> {
    if (!this.consumer) return [];
    this.lagAdmin ??= this.kafka.admin();
    await this.lagAdmin.connect();
    return consumerLag(this.lagAdmin, this.options.groupId, this.topics());
  }

  /** Where the consumer stands in its group (see {@link GroupState}). */
  get groupState(): GroupState {
    return this.membership.state;
  }

  /**
   * For readiness: resolves while the consumer is a member of its group, rejects (saying why) while it
   * is joining, restarting after a crash, crashed for good, or stopped.
   */
  readiness(): Promise<void> {
    return this.membership.check();
  }

  /**
   * Stops after the batch being applied: kafkajs's disconnect waits for `eachBatch` to return, and
   * each batch commits its offsets before it returns. Then the dead-letter producer flushes and goes.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.membership.stopped();
    await this.lagAdmin?.disconnect().catch(() => undefined);
    this.lagAdmin = undefined;
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
    pause,
  }: EachBatchPayload): Promise<void> {
    /* eslint-enable @typescript-eslint/unbound-method */
    if (batch.messages.length === 0) return;
    try {
      await this.processBatch(batch, resolveOffset, heartbeat, isRunning, isStale);
    } catch (error) {
      if (!(error instanceof DeadLetterRefused)) throw error;
      this.hold(batch.topic, batch.partition, pause, error);
      return;
    }
    this.release(batch.topic, batch.partition);
  }

  /**
   * A record that cannot be set aside must not be skipped, and must not block the other partitions
   * either: its partition alone is paused (the records after it wait, uncommitted), and resumed after a
   * wait that doubles each time, which fetches again from the record that could not be set aside.
   */
  private hold(topic: string, partition: number, pause: () => () => void, error: DeadLetterRefused): void {
    const key = `${topic}:${partition}`;
    const wait = this.held.get(key) ?? this.options.deadLetterRetryMs ?? 5_000;
    this.held.set(key, Math.min(wait * 2, MAX_DEAD_LETTER_WAIT_MS));
    const resume = pause();
    this.options.onPartitionHeld?.(topic, partition, true);
    this.options.onError?.(
      error,
      `${topic} partition ${partition} waits ${wait} ms for its dead-letter topic`,
    );
    setTimeout(resume, wait).unref();
  }

  private release(topic: string, partition: number): void {
    if (this.held.delete(`${topic}:${partition}`)) this.options.onPartitionHeld?.(topic, partition, false);
  }

  private async processBatch(
    batch: EachBatchPayload['batch'],
    resolveOffset: EachBatchPayload['resolveOffset'],
    heartbeat: EachBatchPayload['heartbeat'],
    isRunning: EachBatchPayload['isRunning'],
    isStale: EachBatchPayload['isStale'],
  ): Promise<void> {
    await this.processor.processBatch({
      records: batch.messages.map((message) => toRecord(batch.topic, batch.partition, message)),
      lastOffset: batch.lastOffset(),
      commit: async (offset) => {
        await this.options.afterCommitBeforeOffset?.();
        resolveOffset(offset);
        await this.consumer?.commitOffsets([
          { topic: batch.topic, partition: batch.partition, offset: (BigInt(offset) + 1n).toString() },
        ]);
      },
      heartbeat,
      isRunning,
      isStale,
    });
  }

  /**
   * One record on its own: decode, validate, apply with retries, or dead-letter. Dead-letter replays
   * come through here too, so a replayed event is deduplicated like any other.
   */
  processRecord(
    record: ConsumedRecord,
    heartbeat?: () => Promise<void>,
    alreadyTried?: number,
  ): Promise<RecordOutcome> {
    return this.processor.processRecord(record, heartbeat, alreadyTried);
  }
}
