import {
  AnyEventEnvelope,
  byteLengthOf,
  CE_HEADERS,
  decodeKafkaEvent,
  DecodeResult,
  EventType,
  isTraceparent,
  topicOf,
} from '@c2c/contracts';
import { isTransientInfrastructureError, type Tx } from '@c2c/persistence';
import { contextOfTraceparent, isTracing, recordFailure, tracer } from '@c2c/platform';
import { context, SpanKind, trace } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';
import { MessageContexts } from '../context/message-context';
import { topicName } from '../kafka/kafka-client';
import { MESSAGING_SPAN_ATTRIBUTES as ATTR } from '../relay/messaging-spans';
import { ConsumedRecord, EventHandlerFn, RecordOutcome } from './consumed-record';
import {
  DeadLetterInfo,
  deadLetterHeaders,
  describeError,
  DLQ_HEADERS,
  TOO_LARGE_EXCERPT_BYTES,
} from './dead-letter';
import { backoffDelay, RetryPolicy } from './failure-policy';
import { RejectedEvent } from './rejected-event';

type AnyHandler = (event: AnyEventEnvelope, tx: Tx) => Promise<void>;

/** What the processor needs of the database: one transaction per batch or record (`TransactionRunner`). */
export interface ConsumerTransactions {
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** A record on its way to the dead-letter topic. */
export interface DeadLetterMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: IHeaders;
}

/** Where dead letters go: the group's dead-letter topic, through a producer with `acks=all`. */
export interface DeadLetterSink {
  send(message: DeadLetterMessage): Promise<void>;
}

/** One fetched batch of one partition, with the controls kafkajs hands to `eachBatch`. */
export interface FetchedBatch {
  records: readonly ConsumedRecord[];
  /** The batch's last offset as Kafka counts it (kafkajs `batch.lastOffset()`). */
  lastOffset: string;
  /** Marks everything up to `offset` consumed and commits it. */
  commit(offset: string): Promise<void>;
  heartbeat(): Promise<void>;
  isRunning(): boolean;
  isStale(): boolean;
}

export interface BatchProcessorOptions {
  groupId: string;
  /** The schema holding this service's inbox. */
  schema: string;
  /**
   * The prefix of the Kafka topic names (tests' namespaces): stripped to find the logical topic whose
   * owner must have written each record.
   */
  topicPrefix?: string;
  retry: RetryPolicy;
  deadLetters: DeadLetterSink;
  /** The wait between retries; injected so that tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  onError?: (error: unknown, context: string) => void;
  onOutcome?: (type: string, outcome: RecordOutcome) => void;
  /** Told of each failed try of a handler that will be tried again (metrics). */
  onRetry?: (type: string) => void;
  /** Told what became of each fetched batch (MessagingModule logs it at debug; see {@link BatchSummary}). */
  onBatch?: (summary: BatchSummary) => void;
}

/** One handled batch of one partition, for its log line. */
export interface BatchSummary {
  topic: string;
  partition: number;
  count: number;
  applied: number;
  duplicates: number;
  deadLettered: number;
  /** From the start of processing to the last offset commit, in ms. */
  ms: number;
  /** The trace of the batch's first record, to find the traces behind a slow or failing batch. */
  traceId?: string;
}

type Tally = Record<RecordOutcome, number>;

const newTally = (): Tally => ({ applied: 0, duplicate: 0, skipped: 0, 'dead-lettered': 0 });

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The failure policy of `EventConsumer`, free of Kafka: applies a fetched batch in one transaction
 * with its inbox records, or, when a handler throws, replays it record by record with retries, backoff
 * and dead letters. Internal to the library; `EventConsumer` is the public face.
 */
export class BatchProcessor {
  private readonly handlers = new Map<string, AnyHandler[]>();
  private readonly inboxSql: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;
  private readonly onBatch: (summary: BatchSummary) => void;

  constructor(
    private readonly transactions: ConsumerTransactions,
    private readonly options: BatchProcessorOptions,
  ) {
    this.sleep = options.sleep ?? sleep;
    this.now = options.now ?? (() => new Date());
    this.onBatch = options.onBatch ?? (() => undefined);
    this.inboxSql = `insert into "${options.schema}".inbox (consumer_group, event_id, event_type)
      select $1, id, type from unnest($2::uuid[], $3::text[]) as e(id, type)
      on conflict do nothing returning event_id`;
  }

  on<T extends EventType>(type: T, handler: EventHandlerFn<T>): void {
    const handlers = this.handlers.get(type) ?? [];
    handlers.push(handler as unknown as AnyHandler);
    this.handlers.set(type, handlers);
  }

  eventTypes(): EventType[] {
    return [...this.handlers.keys()] as EventType[];
  }

  async processBatch(batch: FetchedBatch): Promise<void> {
    const { records } = batch;
    if (records.length === 0) return;
    const started = performance.now();
    const tally = newTally();
    const failed = await this.applyBatch(records, tally);
    if (failed === null) {
      await batch.commit(batch.lastOffset);
      await batch.heartbeat();
    } else {
      for (const record of records) {
        // Stopped or rebalanced: what is left is not handled here, so no summary either.
        if (!batch.isRunning() || batch.isStale()) return;
        // The batch attempt counts as the first try of the record whose handler threw; a rejection is
        // not a try to back off from, so the slow path meets it again at once and dead-letters it.
        const tried =
          !failed.rejected && record.headers[CE_HEADERS.id]?.toString() === failed.eventId ? 1 : 0;
        tally[await this.processRecord(record, () => batch.heartbeat(), tried)]++;
        await batch.commit(record.offset);
      }
    }
    this.onBatch(this.summaryOf(records, tally, performance.now() - started));
  }

  private summaryOf(records: readonly ConsumedRecord[], tally: Tally, ms: number): BatchSummary {
    const first = records[0];
    const traceparent = first?.headers[CE_HEADERS.traceparent]?.toString();
    return {
      topic: first?.topic ?? '',
      partition: first?.partition ?? -1,
      count: records.length,
      applied: tally.applied,
      duplicates: tally.duplicate,
      deadLettered: tally['dead-lettered'],
      ms: Math.round(ms * 10) / 10,
      ...(traceparent !== undefined && isTraceparent(traceparent)
        ? { traceId: traceparent.split('-')[1] }
        : {}),
    };
  }

  /**
   * The fast path: the whole batch in one transaction. Returns null when it committed, else the id of
   * the event whose handler threw (nothing of the batch is applied then), or '' for a poison record.
   */
  private async applyBatch(
    records: readonly ConsumedRecord[],
    tally: Tally,
  ): Promise<{ eventId: string; rejected: boolean } | null> {
    const events: AnyEventEnvelope[] = [];
    for (const record of records) {
      const decoded = this.decode(record);
      if (!decoded.ok) {
        if (decoded.reason === 'unknown-type') continue;
        // poison: the slow path dead-letters it in its place
        return { eventId: '', rejected: false };
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
      for (const [type, outcome] of outcomes) {
        tally[outcome]++;
        this.options.onOutcome?.(type, outcome);
      }
      return null;
    } catch (error) {
      if (isTransientInfrastructureError(error)) throw error;
      const rejected = error instanceof RejectedEvent;
      if (current && !rejected) {
        this.reportFailure(error, current, 1);
        // The slow path tries that record again (unless a single try is all the policy allows).
        if (this.options.retry.attempts > 1) this.options.onRetry?.(current.type);
      }
      return { eventId: current?.id ?? '', rejected };
    }
  }

  /** Decodes a record and checks that the owner of the topic it arrived on wrote it. */
  private decode(record: ConsumedRecord): DecodeResult {
    const prefix = this.options.topicPrefix ?? '';
    // A topic outside this consumer's namespace has no owner here, whatever its name looks like.
    const topic = record.topic.startsWith(prefix)
      ? record.topic.slice(prefix.length)
      : `${record.topic} (outside the prefix ${prefix})`;
    return decodeKafkaEvent(record.headers, record.value, { topic });
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
    const decoded = this.decode(record);
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
    const { retry } = this.options;
    if (alreadyTried > 0) await this.backOff(alreadyTried, heartbeat);
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
        if (error instanceof RejectedEvent) {
          this.options.onError?.(error, `${event.type} ${event.id} rejected`);
          await this.deadLetter(record, {
            reason: 'rejected',
            error: describeError(error),
            attempts: attempt,
          });
          return 'dead-lettered';
        }
        this.reportFailure(error, event, attempt);
        if (attempt < retry.attempts) this.options.onRetry?.(event.type);
        if (attempt >= retry.attempts) {
          await this.deadLetter(record, {
            reason: 'handler-failed',
            error: describeError(error),
            attempts: attempt,
          });
          return 'dead-lettered';
        }
        await this.backOff(attempt, heartbeat);
      }
    }
  }

  // The wait follows every failed try, the batch's included, so a failing record is not hammered.
  private async backOff(failedAttempts: number, heartbeat: () => Promise<void>): Promise<void> {
    await this.sleep(backoffDelay(this.options.retry, failedAttempts));
    await heartbeat();
  }

  private reportFailure(error: unknown, event: AnyEventEnvelope, attempt: number): void {
    this.options.onError?.(
      error,
      `${event.type} ${event.id} attempt ${attempt}/${this.options.retry.attempts}`,
    );
  }

  private async invoke(event: AnyEventEnvelope, tx: Tx): Promise<void> {
    const handlers = this.handlers.get(event.type) ?? [];
    // One context for the event, not per handler: its handlers together are one hop of the trace.
    const handle = () =>
      MessageContexts.run(MessageContexts.fromEvent(event), async () => {
        for (const handler of handlers) await handler(event, tx);
      });
    if (!isTracing()) return handle();
    // A CONSUMER span per try, child of the span that published the event; what the handlers emit is
    // its child in turn (the message context reads the active span).
    const parent = contextOfTraceparent(event.traceparent);
    const topic = topicName(this.options.topicPrefix, topicOf(event.type));
    const span = tracer().startSpan(
      `process ${topic}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          [ATTR.system]: 'kafka',
          [ATTR.operationType]: 'process',
          [ATTR.operationName]: 'process',
          [ATTR.destination]: topic,
          [ATTR.consumerGroup]: this.options.groupId,
          [ATTR.messageId]: event.id,
          [ATTR.eventType]: event.type,
        },
      },
      parent,
    );
    try {
      await context.with(trace.setSpan(parent, span), handle);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  private async deadLetter(record: ConsumedRecord, info: DeadLetterInfo): Promise<void> {
    const headers = deadLetterHeaders(record, info, this.options.groupId, this.now());
    // A record too large to be an event may be too large for the dead-letter topic too: its start
    // says what it was, and its size that it was cut.
    const tooLarge = info.reason === 'too-large' && record.value !== null;
    const value = tooLarge ? Buffer.from(record.value!).subarray(0, TOO_LARGE_EXCERPT_BYTES) : record.value;
    if (tooLarge) headers[DLQ_HEADERS.originalBytes] = String(byteLengthOf(record.value));
    await this.options.deadLetters.send({ key: record.key, value, headers });
  }
}
