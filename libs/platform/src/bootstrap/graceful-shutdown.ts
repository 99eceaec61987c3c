/**
 * What a service does on SIGTERM, in order. Each step is the app's own (see `runService`); this
 * module owns only the order and the deadline, so both can be tested with fakes.
 */
export interface ShutdownSteps {
  /** From now on readiness answers 503, without asking any dependency. */
  markUnready(): void;
  /**
   * Stops taking requests (the listener closes; a request on an open keep-alive connection gets 503)
   * and resolves once the requests already running are answered.
   */
  closeHttp(): Promise<void>;
  /**
   * The rest, in Nest's order: the consumer finishes its batch and commits its offsets, the relay
   * finishes its publish and flushes its producer, then the database closes.
   */
  closeApp(): Promise<void>;
}

export interface ShutdownOptions {
  /** Past this, give up and exit 1 rather than wait for the orchestrator's SIGKILL. */
  timeoutMs: number;
  /** Told of a step that failed (the next steps still run) or of the deadline passing. */
  onProblem: (message: string, error?: unknown) => void;
}

/** 0 when every step finished in time, 1 when one failed or the deadline passed. */
export type ShutdownExitCode = 0 | 1;

/**
 * Runs the steps one after the other. HTTP goes first: while requests still run they need the
 * database and the outbox, and an instance that keeps accepting requests after its relay stopped would
 * leave their events for the next replica. A failed step does not stop the next ones (a database that
 * is gone must not keep the consumer from committing what it applied).
 */
export async function shutDownGracefully(
  steps: ShutdownSteps,
  options: ShutdownOptions,
): Promise<ShutdownExitCode> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ShutdownExitCode>((resolve) => {
    timer = setTimeout(() => {
      options.onProblem(`shutdown took longer than ${options.timeoutMs} ms`);
      resolve(1);
    }, options.timeoutMs);
    // Not unref'd: should every step wait on nothing that keeps the process up, the deadline still
    // ends it with 1 rather than letting it drift out with 0 as if the shutdown had finished.
  });
  const sequence = async (): Promise<ShutdownExitCode> => {
    let code: ShutdownExitCode = 0;
    const step = async (what: string, run: () => Promise<void> | void) => {
      try {
        await run();
      } catch (error) {
        options.onProblem(`${what} failed`, error);
        code = 1;
      }
    };
    await step('marking the instance unready', () => steps.markUnready());
    await step('closing the HTTP server', () => steps.closeHttp());
    await step('closing the app', () => steps.closeApp());
    return code;
  };
  try {
    return await Promise.race([sequence(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
