export interface EventuallyOptions {
  /** How long to keep trying before failing with the last error. */
  timeout?: number;
  interval?: number;
}

/**
 * Retries an assertion until it passes or the deadline runs out, then fails with its last error.
 * This is how tests await asynchronous outcomes (an event arriving, a row appearing): never a fixed sleep.
 */
export async function eventually<T>(
  assertion: () => T | Promise<T>,
  options: EventuallyOptions = {},
): Promise<T> {
  const { timeout = 15_000, interval = 50 } = options;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  if (lastError instanceof Error) {
    lastError.message = `still failing after ${timeout} ms: ${lastError.message}`;
  }
  throw lastError;
}
