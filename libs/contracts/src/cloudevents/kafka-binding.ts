import {
  isEventSource,
  isEventTypeName,
  isRfc3339DateTime,
  isTraceparent,
  isUuid,
  parseSequence,
} from './attribute-formats';
import {
  CE_HEADERS,
  CLOUDEVENTS_SPEC_VERSION,
  CONTENT_TYPE_HEADER,
  EVENT_CONTENT_TYPE,
} from './cloudevent-headers';
import type { EventEnvelope, ParsedEnvelope } from './event-envelope';

/** Kafka record headers as kafkajs hands them over (a repeated header arrives as an array). */
export type KafkaHeadersInput = Record<string, string | Buffer | (string | Buffer)[] | undefined>;

/** A Kafka record ready for a producer: key = aggregate id, value = JSON `data`. */
export interface KafkaRecord {
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

/** What is wrong with a record that is not a readable C2C CloudEvent. */
export interface EnvelopeProblem {
  /** `missing-header`, `malformed-header`, `missing-value` (tombstone / null) or `invalid-json`. */
  readonly code: 'missing-header' | 'malformed-header' | 'missing-value' | 'invalid-json';
  /** The header concerned, for header problems. */
  readonly header?: string;
  /** Human-readable detail, fit for a dead-letter record. */
  readonly message: string;
}

/** Result of {@link fromKafkaMessage}: never throws, lists every problem found. */
export type ParseEnvelopeResult =
  | { readonly ok: true; readonly envelope: ParsedEnvelope }
  | { readonly ok: false; readonly problems: readonly EnvelopeProblem[] };

/**
 * The Kafka headers of an envelope (binary content mode): `ce_*` attributes plus `content-type`.
 * Optional extensions are left out rather than sent empty.
 */
export function toKafkaHeaders(envelope: EventEnvelope<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {
    [CE_HEADERS.specversion]: envelope.specversion,
    [CE_HEADERS.id]: envelope.id,
    [CE_HEADERS.source]: envelope.source,
    [CE_HEADERS.type]: envelope.type,
    [CE_HEADERS.subject]: envelope.subject,
    [CE_HEADERS.time]: envelope.time,
    [CE_HEADERS.dataschema]: envelope.dataschema,
    [CONTENT_TYPE_HEADER]: envelope.datacontenttype,
    [CE_HEADERS.sequence]: String(envelope.sequence),
  };
  if (envelope.correlationid !== undefined) headers[CE_HEADERS.correlationid] = envelope.correlationid;
  if (envelope.causationid !== undefined) headers[CE_HEADERS.causationid] = envelope.causationid;
  if (envelope.traceparent !== undefined) headers[CE_HEADERS.traceparent] = envelope.traceparent;
  return headers;
}

/**
 * The whole Kafka record of an envelope. The key is the aggregate id (`subject`) so that all events of
 * one aggregate land on one partition, in order.
 */
export function toKafkaRecord(envelope: EventEnvelope<string, unknown>): KafkaRecord {
  return { key: envelope.subject, value: JSON.stringify(envelope.data), headers: toKafkaHeaders(envelope) };
}

type Check = (value: string) => boolean;

const REQUIRED: ReadonlyArray<readonly [header: string, check: Check, expectation: string]> = [
  [CE_HEADERS.specversion, (v) => v === CLOUDEVENTS_SPEC_VERSION, `must be "1.0"`],
  [CE_HEADERS.id, isUuid, 'must be a uuid'],
  [CE_HEADERS.source, isEventSource, 'must be /c2c/<service>'],
  [CE_HEADERS.type, isEventTypeName, 'must be c2c.<aggregate>.<event>.v<N>'],
  [CE_HEADERS.subject, (v) => v.length > 0, 'must not be empty'],
  [CE_HEADERS.time, isRfc3339DateTime, 'must be an RFC 3339 date-time with a time zone'],
  [CE_HEADERS.dataschema, isAbsoluteUri, 'must be an absolute URI'],
  [CE_HEADERS.sequence, (v) => parseSequence(v) !== undefined, 'must be a decimal integer'],
];

const OPTIONAL: ReadonlyArray<readonly [header: string, check: Check, expectation: string]> = [
  [CE_HEADERS.correlationid, (v) => v.length > 0, 'must not be empty'],
  [CE_HEADERS.causationid, (v) => v.length > 0, 'must not be empty'],
  [CE_HEADERS.traceparent, isTraceparent, 'must be a W3C traceparent'],
];

/**
 * Reads a Kafka record written in CloudEvents binary mode. Never throws: a poison message becomes a
 * list of problems the consumer can put on the dead-letter topic. Checks the envelope only; the
 * payload is checked against its schema by `validateEventData` / `decodeKafkaEvent`.
 */
export function fromKafkaMessage(
  headers: KafkaHeadersInput,
  value: Buffer | string | null,
): ParseEnvelopeResult {
  const problems: EnvelopeProblem[] = [];
  const attributes: Record<string, string> = {};
  const read = (header: string, required: boolean, check: Check, expectation: string): void => {
    const raw = headerText(headers[header]);
    if (raw === undefined) {
      if (required) problems.push({ code: 'missing-header', header, message: `${header} is missing` });
    } else if (raw === null) {
      problems.push({
        code: 'malformed-header',
        header,
        message: `${header} is repeated with different values`,
      });
    } else if (!check(raw)) {
      problems.push({ code: 'malformed-header', header, message: `${header} ${expectation}, got "${raw}"` });
    } else {
      attributes[header] = raw;
    }
  };
  for (const [header, check, expectation] of REQUIRED) read(header, true, check, expectation);
  for (const [header, check, expectation] of OPTIONAL) read(header, false, check, expectation);
  read(CONTENT_TYPE_HEADER, true, isJsonContentType, `must be ${EVENT_CONTENT_TYPE}`);

  const data = parseValue(value, problems);
  if (problems.length > 0) return { ok: false, problems };

  const get = (name: keyof typeof CE_HEADERS): string | undefined => attributes[CE_HEADERS[name]];
  const envelope: ParsedEnvelope = {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id: get('id') ?? '',
    source: get('source') ?? '',
    type: get('type') ?? '',
    subject: get('subject') ?? '',
    time: get('time') ?? '',
    dataschema: get('dataschema') ?? '',
    datacontenttype: EVENT_CONTENT_TYPE,
    sequence: parseSequence(get('sequence') ?? '') ?? 0,
    ...optional('correlationid', get('correlationid')),
    ...optional('causationid', get('causationid')),
    ...optional('traceparent', get('traceparent')),
    data,
  };
  return { ok: true, envelope };
}

/** `undefined` when absent, `null` when repeated with conflicting values, else the UTF-8 text. */
function headerText(raw: KafkaHeadersInput[string]): string | undefined | null {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) return raw.toString();
  const distinct = new Set(raw.map((part) => part.toString()));
  if (distinct.size === 0) return undefined;
  return distinct.size === 1 ? [...distinct][0] : null;
}

function parseValue(value: Buffer | string | null, problems: EnvelopeProblem[]): unknown {
  if (value === null) {
    problems.push({ code: 'missing-value', message: 'the record has no value (tombstone)' });
    return undefined;
  }
  try {
    return JSON.parse(value.toString()) as unknown;
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({ code: 'invalid-json', message: `the value is not JSON: ${reason}` });
    return undefined;
  }
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function isJsonContentType(value: string): boolean {
  // Parameters such as `; charset=utf-8` do not change the meaning.
  return value.split(';')[0]?.trim().toLowerCase() === EVENT_CONTENT_TYPE;
}

function isAbsoluteUri(value: string): boolean {
  return URL.canParse(value);
}
