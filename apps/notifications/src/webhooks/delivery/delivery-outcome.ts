/**
 * What one delivery attempt came to:
 * - `delivered`: 2xx.
 * - `retry`: worth trying again later: network errors, timeouts, 5xx, 408, 429.
 * - `gone`: 410, the receiver asks to stop: the subscription should be disabled.
 * - `rejected`: any other answer (4xx, and 3xx since redirects are not followed): retrying the same
 *   request will not help; the subscription's owner has to fix something.
 * - `refused`: the target policy blocked the connection (an address that is not allowed); never retried.
 */
export type DeliveryOutcomeKind = 'delivered' | 'retry' | 'gone' | 'rejected' | 'refused';

export interface DeliveryOutcome {
  kind: DeliveryOutcomeKind;
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  /** From the start of the attempt to the end of the (capped) response. */
  latencyMs: number;
  /** Why it was not delivered, for the delivery log. Never contains a secret. */
  error?: string;
  /** The receiver's `Retry-After`, in milliseconds from now, on a `retry` outcome. */
  retryAfterMs?: number;
  /** The start of the response body (at most the sender's cap), for the delivery log. */
  responseExcerpt?: string;
}

/** How a final HTTP status is classified (redirects are never followed, so 3xx is final too). */
export function outcomeKindForStatus(status: number): Exclude<DeliveryOutcomeKind, 'refused'> {
  if (status >= 200 && status <= 299) return 'delivered';
  if (status === 410) return 'gone';
  if (status === 408 || status === 429 || (status >= 500 && status <= 599)) return 'retry';
  return 'rejected';
}

// RFC 9110 HTTP-date: IMF-fixdate, and the obsolete RFC 850 and asctime forms, all start with a day name.
// Date.parse alone would also accept strings such as "5.5", which are not dates.
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s/;
// asctime carries no zone (it is GMT by definition), and Date.parse would read it as local time.
const ASCTIME = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/;

/**
 * `Retry-After` (RFC 9110 §10.2.3) as milliseconds from `now`: delay-seconds or an HTTP-date; a date in
 * the past is 0. Undefined when absent or unreadable (a malformed header is ignored, not trusted).
 */
export function parseRetryAfter(
  value: string | readonly string[] | undefined,
  now: Date = new Date(),
): number | undefined {
  const raw = (typeof value === 'string' ? value : value?.[0])?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  if (!HTTP_DATE.test(raw)) return undefined;
  const at = Date.parse(ASCTIME.test(raw) ? `${raw} GMT` : raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
