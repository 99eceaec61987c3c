// Syntax checks for envelope attributes. Hand-written rather than ajv so that reading headers stays
// cheap and the messages name the header.

/** Patterns of the envelope attributes, shared with the headers' JSON Schema. */
export const ATTRIBUTE_PATTERNS = {
  eventType: '^c2c\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.v[1-9][0-9]*$',
  source: '^/c2c/[a-z][a-z0-9-]*$',
  traceparent: '^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$',
  sequence: '^(0|[1-9][0-9]*)$',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;
const EVENT_TYPE = new RegExp(ATTRIBUTE_PATTERNS.eventType);
const SOURCE = new RegExp(ATTRIBUTE_PATTERNS.source);
const TRACEPARENT = new RegExp(ATTRIBUTE_PATTERNS.traceparent);
const SEQUENCE = new RegExp(ATTRIBUTE_PATTERNS.sequence);

/** Whether `value` is a uuid (any version, either case). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Whether `value` is `c2c.<aggregate>.<event>.v<N>` (lowercase kebab segments, N ≥ 1). */
export function isEventTypeName(value: string): boolean {
  return EVENT_TYPE.test(value);
}

/** Whether `value` is a C2C source, `/c2c/<service>`. */
export function isEventSource(value: string): boolean {
  return SOURCE.test(value);
}

/** Whether `value` is an RFC 3339 date-time with a time zone, and a real calendar instant. */
export function isRfc3339DateTime(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetHours = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinutes = match[10] === undefined ? 0 : Number(match[10]);
  // Date.UTC(y, m, 0) is the last day of month m: the calendar check that a regex cannot do.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 && // RFC 3339 allows a leap second
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
}

/**
 * Whether `value` is a W3C Trace Context `traceparent`: `<version>-<trace-id>-<parent-id>-<flags>`
 * in 2, 32, 16 and 2 lowercase hex digits. Version `ff` and all-zero trace or parent ids are invalid
 * by the spec; a higher version is accepted in the version-00 layout. The one rule for the whole
 * platform: the gateway, the message context and the event envelope all apply it, so a trace accepted
 * at the edge is never replaced further on.
 */
export function isTraceparent(value: string): boolean {
  const match = TRACEPARENT.exec(value);
  if (!match) return false;
  const [, version, traceId, parentId] = match;
  return version !== 'ff' && !/^0+$/.test(traceId ?? '') && !/^0+$/.test(parentId ?? '');
}

/** Parses a sequence header (a non-negative decimal integer without sign or leading zeros). */
export function parseSequence(value: string): number | undefined {
  if (!SEQUENCE.test(value)) return undefined;
  const sequence = Number(value);
  return Number.isSafeInteger(sequence) ? sequence : undefined;
}
