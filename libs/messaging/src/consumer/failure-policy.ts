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

// PostgreSQL classes that say "the database is unavailable", not "this event is bad":
// 08 connection, 53 insufficient resources, 57 operator intervention (shutdown), 40 retryable conflicts.
const TRANSIENT_SQLSTATE = /^(08|53|57|40)/;
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * An infrastructure outage must not dead-letter every event that arrives during it: such errors stop
 * the batch without committing, and Kafka redelivers once the dependency is back.
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const { code, message, driverError, cause } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE_CODES.has(code)))
      return true;
    if (
      typeof message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect/i.test(message)
    ) {
      return true;
    }
    current = driverError ?? cause;
  }
  return false;
}
