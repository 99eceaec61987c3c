import { machineInfo, watchLoad } from './machine';
import { type BenchProfile, benchProfile } from './profile';
import { markdownTable, runsTable } from './report';
import { type BenchFigure, type BenchResult, writeResult } from './result';

export interface BenchContext {
  /** Measured rounds per target: BENCH_ROUNDS, 5 by default (the least a stated median rests on). */
  rounds: number;
  /** Rounds thrown away first: BENCH_WARM_UP, 1 by default. */
  warmUp: number;
  /** quick (the default) or full: the sizes each script picks with benchSize (see profile.ts). */
  profile: BenchProfile;
  /** A progress line on stderr, prefixed with the benchmark's name. */
  progress(message: string): void;
}

export interface BenchOutcome {
  figures: BenchFigure[];
  notes: string[];
}

const positive = (name: string, fallback: number, least: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`${name} must be an integer of at least ${least}, not ${JSON.stringify(raw)}`);
  }
  return value;
};

/**
 * The frame of every benchmark script: reads the rounds, watches the machine's load, runs the body,
 * writes the JSON result (bench/results/<name>.json) and prints the table. A script run on its own
 * and `npm run bench` write the same result; the suite then regenerates docs/benchmarks.md from it.
 */
export async function runBenchmark(
  name: string,
  body: (context: BenchContext) => Promise<BenchOutcome>,
): Promise<BenchResult> {
  const context: BenchContext = {
    rounds: positive('BENCH_ROUNDS', 5, 1),
    warmUp: positive('BENCH_WARM_UP', 1, 0),
    profile: benchProfile(),
    progress: (message) => process.stderr.write(`[bench ${name}] ${message}\n`),
  };
  const startedAt = new Date().toISOString();
  const load = watchLoad();
  const outcome = await body(context);
  const result: BenchResult = {
    benchmark: name,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: machineInfo(),
    load: load.stop(),
    rounds: context.rounds,
    warmUp: context.warmUp,
    profile: context.profile,
    figures: outcome.figures,
    notes: outcome.notes,
  };
  const file = writeResult(result);
  process.stderr.write(`\n${markdownTable([result])}\n\n${runsTable([result])}\n\nresult: ${file}\n`);
  return result;
}

/** main() of a benchmark script: a failure prints its cause and exits 1. */
export function benchmarkMain(name: string, body: (context: BenchContext) => Promise<BenchOutcome>): void {
  runBenchmark(name, body).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(
        `[bench ${name}] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
