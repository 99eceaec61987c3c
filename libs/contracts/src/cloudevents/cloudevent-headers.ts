/**
 * CloudEvents 1.0 attribute names as Kafka headers (binary content mode).
 *
 * In binary mode every context attribute travels as a `ce_<name>` header and the record value is the
 * event `data` alone, so a consumer can route and deduplicate on headers without parsing the value.
 * Extension attribute names must be lowercase alphanumeric (CloudEvents 1.0 §3.1.1), hence
 * `correlationid` rather than `correlationId`.
 *
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/kafka-protocol-binding.md
 */
export const CE_HEADERS = {
  /** Always {@link CLOUDEVENTS_SPEC_VERSION}. */
  specversion: 'ce_specversion',
  /** Event id (uuid). Consumers deduplicate on it: a redelivered event keeps its id. */
  id: 'ce_id',
  /** Producing service, `/c2c/<service>`. */
  source: 'ce_source',
  /** Event type, `c2c.<aggregate>.<event>.v<N>`. */
  type: 'ce_type',
  /** Aggregate id; also the Kafka record key. */
  subject: 'ce_subject',
  /** When the fact happened (RFC 3339), not when it was relayed. */
  time: 'ce_time',
  /** URI of the JSON Schema of `data`; see {@link dataSchemaUriOf}. */
  dataschema: 'ce_dataschema',
  /** Extension: the aggregate's sequence number as a decimal string (1, 2, 3 … per aggregate). */
  sequence: 'ce_sequence',
  /** Extension: id shared by everything one user request (or job run) caused. */
  correlationid: 'ce_correlationid',
  /** Extension: id of the command or event that directly caused this one. */
  causationid: 'ce_causationid',
  /** Extension: W3C Trace Context `traceparent` of the producing span. */
  traceparent: 'ce_traceparent',
} as const;

/**
 * The binary-mode header carrying `datacontenttype`. The Kafka binding maps it to `content-type`
 * (no `ce_` prefix), like HTTP.
 */
export const CONTENT_TYPE_HEADER = 'content-type';

/** The only `specversion` this library reads or writes. */
export const CLOUDEVENTS_SPEC_VERSION = '1.0';

/** The only `datacontenttype`: every C2C event value is UTF-8 JSON. */
export const EVENT_CONTENT_TYPE = 'application/json';

/**
 * Base of every `dataschema` URI. The document at `<base><type>.json` is exactly what
 * `eventJsonSchema(type)` returns (its `$id` is that URI).
 */
export const EVENT_SCHEMA_BASE_URI = 'https://schemas.c2c.asianmayorsforum.org/events/';

/** Prefix of every `source`: `/c2c/<service>`. */
export const EVENT_SOURCE_PREFIX = '/c2c/';

/**
 * The `dataschema` URI of an event type, e.g.
 * `https://schemas.c2c.asianmayorsforum.org/events/c2c.city.registered.v1.json`.
 */
export function dataSchemaUriOf(type: string): string {
  return `${EVENT_SCHEMA_BASE_URI}${type}.json`;
}

/** The CloudEvents `source` of a producing service, e.g. `/c2c/partnerships`. */
export function eventSourceOf(service: string): string {
  return `${EVENT_SOURCE_PREFIX}${service}`;
}
