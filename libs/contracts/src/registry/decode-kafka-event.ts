import type { ParsedEnvelope } from '../cloudevents/event-envelope';
import { fromKafkaMessage, type EnvelopeProblem, type KafkaHeadersInput } from '../cloudevents/kafka-binding';
import { isKnownEventType, type AnyEventEnvelope } from './event-registry';
import { checkTopicOrigin } from './topic-origin';
import { validateEventData, type ValidationProblem } from './validate-event-data';

/**
 * The largest value (the JSON payload) an event may have, in bytes. Producers refuse a bigger one
 * before it is written; consumers dead-letter one without parsing it. Half of Kafka's default
 * 1 MiB record limit, so that any event's dead letter (its value and the `dlq_*` headers) still fits
 * a topic with the broker's defaults.
 */
export const MAX_EVENT_BYTES = 512 * 1024;

/** The size of a record's value in bytes, as the broker counts it. */
export const byteLengthOf = (value: Uint8Array | string | null): number =>
  value === null ? 0 : typeof value === 'string' ? new TextEncoder().encode(value).length : value.length;

/**
 * Result of {@link decodeKafkaEvent}. The failure `reason` tells a consumer what to do:
 * - `malformed-envelope`, `invalid-data`: a poison message; dead-letter it with `problems`.
 * - `too-large`: a value over {@link MAX_EVENT_BYTES}, not parsed at all; dead-letter it too.
 * - `unknown-type`: a type this build does not know (a producer added one). Tolerant readers skip it
 *   and move on rather than dead-lettering it.
 * - `foreign-source`, `type-not-of-topic` (only when the arrival topic is given): not written by the
 *   topic's owner, or of another topic's type; dead-letter it, never apply it (see `checkTopicOrigin`).
 */
export type DecodeResult =
  | { readonly ok: true; readonly event: AnyEventEnvelope }
  | {
      readonly ok: false;
      readonly reason: 'malformed-envelope';
      readonly problems: readonly EnvelopeProblem[];
    }
  | {
      readonly ok: false;
      readonly reason: 'too-large';
      readonly bytes: number;
      readonly problems: readonly { readonly message: string }[];
    }
  | { readonly ok: false; readonly reason: 'unknown-type'; readonly envelope: ParsedEnvelope }
  | {
      readonly ok: false;
      readonly reason: 'foreign-source' | 'type-not-of-topic';
      readonly envelope: ParsedEnvelope;
      readonly problems: readonly { readonly message: string }[];
    }
  | {
      readonly ok: false;
      readonly reason: 'invalid-data';
      readonly envelope: ParsedEnvelope;
      readonly problems: readonly ValidationProblem[];
    };

export interface DecodeOptions {
  /**
   * The logical topic the record arrived on (without a test prefix). Given, the event must come from
   * that topic's owner and be of one of its types; consumers always give it.
   */
  readonly topic?: string;
}

/**
 * Reads a Kafka record into a typed, validated envelope: its size, envelope checks (`fromKafkaMessage`), then
 * its origin (with `options.topic`), then the registry, then the payload schema. Never throws.
 * `switch (result.event.type)` narrows `data`.
 */
export function decodeKafkaEvent(
  headers: KafkaHeadersInput,
  value: Buffer | string | null,
  options: DecodeOptions = {},
): DecodeResult {
  // Before parsing: a value of several MB is refused without spending the time and memory to read it.
  const bytes = byteLengthOf(value);
  if (bytes > MAX_EVENT_BYTES) {
    const message = `the value is ${bytes} bytes, more than the ${MAX_EVENT_BYTES} an event may have`;
    return { ok: false, reason: 'too-large', bytes, problems: [{ message }] };
  }
  const parsed = fromKafkaMessage(headers, value);
  if (!parsed.ok) return { ok: false, reason: 'malformed-envelope', problems: parsed.problems };
  const { envelope } = parsed;
  // Before the registry: a forged source is dead-lettered even with a type this build does not know.
  const origin = options.topic === undefined ? null : checkTopicOrigin(options.topic, envelope);
  if (origin) return { ok: false, reason: origin.reason, envelope, problems: [{ message: origin.message }] };
  if (!isKnownEventType(envelope.type)) return { ok: false, reason: 'unknown-type', envelope };
  const validation = validateEventData(envelope.type, envelope.data);
  if (!validation.ok) return { ok: false, reason: 'invalid-data', envelope, problems: validation.errors };
  // The type is registered and the data matches its schema: exactly what AnyEventEnvelope describes.
  return { ok: true, event: { ...envelope, data: validation.data } as AnyEventEnvelope };
}
