import type { IHeaders } from 'kafkajs';

/** Headers a dead-lettered record carries besides its original ones. */
export const DLQ_HEADERS = {
  reason: 'dlq_reason',
  error: 'dlq_error',
  attempts: 'dlq_attempts',
  group: 'dlq_group',
  topic: 'dlq_original_topic',
  partition: 'dlq_original_partition',
  offset: 'dlq_original_offset',
  failedAt: 'dlq_failed_at',
  /** Set when the value kept is only the start of the original (a `too-large` record): its size. */
  originalBytes: 'dlq_original_bytes',
} as const;

/** How much of a `too-large` record's value its dead letter keeps: enough to see what it was. */
export const TOO_LARGE_EXCERPT_BYTES = 64 * 1024;

/**
 * Why an event was dead-lettered. Poison, never retried: `too-large` (over `MAX_EVENT_BYTES`; the
 * letter keeps the value's first {@link TOO_LARGE_EXCERPT_BYTES}), `malformed-envelope`, `invalid-data`,
 * `foreign-source` (not written by the owner of the topic it arrived on), `type-not-of-topic` (a type
 * of another topic) and `rejected` (a handler threw `RejectedEvent`). `handler-failed` exhausted its
 * retries and may succeed when replayed after a fix.
 */
export type DeadLetterReason =
  | 'too-large'
  | 'malformed-envelope'
  | 'invalid-data'
  | 'foreign-source'
  | 'type-not-of-topic'
  | 'rejected'
  | 'handler-failed';

export interface DeadLetterInfo {
  reason: DeadLetterReason;
  error: string;
  attempts: number;
}

export const MAX_ERROR_LENGTH = 4_000;

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

/**
 * The headers of a dead letter: the original record's, so a replay reads the same envelope, and the
 * `dlq_*` ones that say why, after how many tries and where it came from.
 */
export function deadLetterHeaders(
  record: { topic: string; partition: number; offset: string; headers: IHeaders },
  info: DeadLetterInfo,
  groupId: string,
  failedAt: Date,
): IHeaders {
  return {
    ...record.headers,
    [DLQ_HEADERS.reason]: info.reason,
    [DLQ_HEADERS.error]: info.error,
    [DLQ_HEADERS.attempts]: String(info.attempts),
    [DLQ_HEADERS.group]: groupId,
    [DLQ_HEADERS.topic]: record.topic,
    [DLQ_HEADERS.partition]: String(record.partition),
    [DLQ_HEADERS.offset]: record.offset,
    [DLQ_HEADERS.failedAt]: failedAt.toISOString(),
  };
}

/**
 * The dead-letter topic did not take a letter, after the producer's own retries and ours: the record
 * cannot be set aside, so its partition must wait (see `EventConsumer`), never skip it.
 */
export class DeadLetterRefused extends Error {
  constructor(
    readonly topic: string,
    cause: unknown,
  ) {
    super(`the dead-letter topic ${topic} refused a letter: ${describeError(cause)}`, { cause });
    this.name = 'DeadLetterRefused';
  }
}
