// PostgreSQL classes that say "the database is unavailable", not "this work is wrong":
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
 * Whether an error says a dependency is unavailable (the database restarting, a connection refused or
 * reset), not that the work was wrong. The consumer stops its batch uncommitted on one, so Kafka
 * redelivers once the dependency is back, instead of dead-lettering every event of the outage; an
 * app's start waits on one instead of exiting.
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
