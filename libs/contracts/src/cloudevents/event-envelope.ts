import { CLOUDEVENTS_SPEC_VERSION, EVENT_CONTENT_TYPE } from './cloudevent-headers';

/**
 * One C2C event as a CloudEvents 1.0 event: context attributes plus `data`.
 *
 * Producers build it (the outbox stores it), the relay turns it into a Kafka record with
 * `toKafkaHeaders` (key = `subject`, value = JSON of `data`), consumers get it back from
 * `fromKafkaMessage`. Use `EventEnvelopeOf<T>` from the registry for a typed one.
 *
 * @typeParam TType - the event type literal, e.g. `'c2c.city.registered.v1'`.
 * @typeParam TData - the payload type.
 */
export interface EventEnvelope<TType extends string = string, TData = unknown> {
  /** Always `'1.0'`. */
  readonly specversion: typeof CLOUDEVENTS_SPEC_VERSION;
  /** Event id (uuid), unique per event and stable across redeliveries. */
  readonly id: string;
  /** Producing service, `/c2c/<service>`. */
  readonly source: string;
  /** Event type, `c2c.<aggregate>.<event>.v<N>`. */
  readonly type: TType;
  /** Aggregate id (uuid); the Kafka key, so one aggregate's events stay in order. */
  readonly subject: string;
  /** When the fact happened, RFC 3339 with a time zone (producers write UTC `Z`). */
  readonly time: string;
  /** URI of the payload's JSON Schema. */
  readonly dataschema: string;
  /** Always `'application/json'`. */
  readonly datacontenttype: typeof EVENT_CONTENT_TYPE;
  /** Position of this event in its aggregate's history, starting at 1. */
  readonly sequence: number;
  /** Id shared by every event one request or job caused (absent when nothing set one). */
  readonly correlationid?: string;
  /** Id of the command or event that caused this one. */
  readonly causationid?: string;
  /** W3C `traceparent` of the producing span, so consumers continue the trace. */
  readonly traceparent?: string;
  /** The payload. */
  readonly data: TData;
}

/**
 * An envelope read from Kafka whose headers are well-formed but whose `type` and `data` are not yet
 * checked against the registry (use `decodeKafkaEvent` or `validateEventData` for that).
 */
export type ParsedEnvelope = EventEnvelope<string, unknown>;
