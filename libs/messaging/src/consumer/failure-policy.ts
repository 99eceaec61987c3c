/** How often a failing handler is retried before its event is dead-lettered, and how long between. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, initialDelayMs: 200, maxDelayMs: 5_000 };

/**
 * The wait after `failedAttempts` failed tries: a ceiling doubling from `initialDelayMs` up to
 * `maxDelayMs`, and a random point in its upper half, so replicas retrying together do not stampede.
 * `random` (in [0, 1), `Math.random` by default) is a parameter so that tests can pin the jitter.
 */
export function backoffDelay(
  policy: RetryPolicy,
  failedAttempts: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (failedAttempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
