import { DeliveryOutcomeKind } from './delivery-outcome';

export interface BackoffOptions {
  /** The ceiling of the first retry's delay; it doubles with each attempt. */
  baseMs: number;
  /** No delay is longer than this, whatever the attempt. */
  capMs: number;
  /** A receiver's Retry-After is honoured up to this much (default `capMs`), so it cannot park a subscription. */
  maxRetryAfterMs?: number;
  /** A uniform random number in [0, 1); injectable so tests are deterministic. */
  random?: () => number;
}

/** From 5 s to 6 h, roughly the shape of the Standard Webhooks example schedule. */
export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = Object.freeze({
  baseMs: 5_000,
  capMs: 6 * 60 * 60_000,
});

/**
 * The delay before the next attempt: exponential backoff with full jitter (uniform in
 * [0, min(cap, base·2^(attempt−1)))), spreading retries of many deliveries that failed together;
 * a receiver's `Retry-After` is a floor.
 *
 * @param attempt 1 for the delay after the first failed attempt, 2 after the second, …
 * @param retryAfterMs the receiver's `Retry-After`, when it sent one
 */
export function retryDelayMs(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  retryAfterMs?: number,
): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be an integer ≥ 1, was ${attempt}`);
  }
  const { baseMs, capMs, maxRetryAfterMs = capMs, random = Math.random } = options;
  // 2 ** large is Infinity, which min() turns into the cap.
  const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  const floor = retryAfterMs === undefined ? 0 : Math.min(Math.max(0, retryAfterMs), maxRetryAfterMs);
  return Math.max(jittered, floor);
}

/** A subscription's recent delivery record: what the disable rule needs, kept beside the subscription. */
export interface DeliveryHealth {
  /** Attempts that did not deliver since the last one that did. */
  consecutiveFailures: number;
  /** When the first of those failures happened; null while healthy. */
  failingSince: Date | null;
  lastOutcome: DeliveryOutcomeKind | null;
}

export const HEALTHY: Readonly<DeliveryHealth> = Object.freeze({
  consecutiveFailures: 0,
  failingSince: null,
  lastOutcome: null,
});

/** The health after one more attempt: a delivery resets the streak, anything else extends it. */
export function recordAttempt(
  health: DeliveryHealth,
  outcome: DeliveryOutcomeKind,
  at: Date,
): DeliveryHealth {
  if (outcome === 'delivered') return { consecutiveFailures: 0, failingSince: null, lastOutcome: outcome };
  return {
    consecutiveFailures: health.consecutiveFailures + 1,
    failingSince: health.failingSince ?? at,
    lastOutcome: outcome,
  };
}

/** When a subscription counts as failing for good. */
export interface DisableRule {
  maxConsecutiveFailures: number;
  maxFailingForMs: number;
}

/** 50 failed attempts in a row, or failing for five days (past the whole retry schedule of one event). */
export const DEFAULT_DISABLE_RULE: Readonly<DisableRule> = Object.freeze({
  maxConsecutiveFailures: 50,
  maxFailingForMs: 5 * 24 * 60 * 60_000,
});

export type DisableReason = 'gone' | 'consecutive-failures' | 'failing-too-long';

/**
 * Whether to disable a subscription, and why: at once on 410 Gone (the receiver asked to stop), or after a
 * long run of failures (N in a row, or none delivered for longer than T). Null: keep it.
 */
export function disableReason(
  health: DeliveryHealth,
  now: Date,
  rule: DisableRule = DEFAULT_DISABLE_RULE,
): DisableReason | null {
  if (health.lastOutcome === 'gone') return 'gone';
  if (health.consecutiveFailures >= rule.maxConsecutiveFailures) return 'consecutive-failures';
  if (health.failingSince && now.getTime() - health.failingSince.getTime() >= rule.maxFailingForMs) {
    return 'failing-too-long';
  }
  return null;
}
