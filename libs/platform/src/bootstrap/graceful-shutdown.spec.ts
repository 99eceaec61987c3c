import { shutDownGracefully, type ShutdownSteps } from './graceful-shutdown';

/** Steps that record when each starts and ends, with a hook to make one hang or fail. */
function recordedSteps(override: Partial<ShutdownSteps> = {}): { steps: ShutdownSteps; log: string[] } {
  const log: string[] = [];
  const steps: ShutdownSteps = {
    markUnready: () => void log.push('unready'),
    closeHttp: async () => {
      log.push('http closing');
      await Promise.resolve();
      log.push('http closed');
    },
    closeApp: async () => {
      log.push('app closing');
      await Promise.resolve();
      log.push('app closed');
    },
    ...override,
  };
  return { steps, log };
}

describe(shutDownGracefully.name, () => {
  const quiet = { timeoutMs: 5_000, onProblem: () => undefined };

  it('turns readiness down, closes HTTP and waits for it, then closes the app, and exits 0', async () => {
    const { steps, log } = recordedSteps();

    await expect(shutDownGracefully(steps, quiet)).resolves.toBe(0);

    expect(log).toEqual(['unready', 'http closing', 'http closed', 'app closing', 'app closed']);
  });

  it('closes messaging only after the last running request was answered', async () => {
    let answerRequest: () => void = () => undefined;
    const requestRunning = new Promise<void>((resolve) => (answerRequest = resolve));
    let closingBegan: () => void = () => undefined;
    const httpClosing = new Promise<void>((resolve) => (closingBegan = resolve));
    const { steps, log } = recordedSteps({
      closeHttp: async () => {
        log.push('http closing');
        closingBegan();
        await requestRunning;
        log.push('http closed');
      },
    });

    const done = shutDownGracefully(steps, quiet);
    await httpClosing;
    await new Promise((resolve) => setImmediate(resolve)); // anything that would run next has run
    expect(log).toEqual(['unready', 'http closing']);
    answerRequest();

    await expect(done).resolves.toBe(0);
    expect(log.slice(2)).toEqual(['http closed', 'app closing', 'app closed']);
  });

  it('still closes the app when closing HTTP fails, and exits 1 naming the step', async () => {
    const problems: string[] = [];
    const { steps, log } = recordedSteps({
      closeHttp: () => Promise.reject(new Error('server not running')),
    });

    const code = await shutDownGracefully(steps, {
      timeoutMs: 5_000,
      onProblem: (message) => problems.push(message),
    });

    expect(code).toBe(1);
    expect(problems).toEqual(['closing the HTTP server failed']);
    expect(log).toEqual(['unready', 'app closing', 'app closed']);
  });

  it('gives up with 1 when a step outlasts the deadline', async () => {
    const problems: string[] = [];
    const { steps } = recordedSteps({ closeApp: () => new Promise<void>(() => undefined) });

    const code = await shutDownGracefully(steps, {
      timeoutMs: 50,
      onProblem: (message) => problems.push(message),
    });

    expect(code).toBe(1);
    expect(problems).toEqual(['shutdown took longer than 50 ms']);
  });
});
