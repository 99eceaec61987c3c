import { ConfigError } from '../config/load-config';

/** What an operator reads when a process fails: a configuration error alone, anything else with its stack. */
export const failureMessage = (error: unknown): string =>
  error instanceof ConfigError
    ? error.message
    : error instanceof Error
      ? (error.stack ?? error.message)
      : String(error);

/**
 * Runs a one-off job of a service (demo data, a rebuild) and prints one line: `[label] <summary>` on
 * success, or `[label] failed: …` on stderr with exit code 1.
 */
export function runJob(label: string, job: () => Promise<string>): void {
  job().then(
    (summary) => process.stdout.write(`[${label}] ${summary}\n`),
    (error: unknown) => {
      process.stderr.write(`[${label}] failed: ${failureMessage(error)}\n`);
      process.exitCode = 1;
    },
  );
}
