/**
 * How big a benchmark run is. `quick` (the default, what `npm run bench` runs) keeps every anchor and
 * every round but measures smaller batches and shorter holds, so the whole suite takes minutes on two
 * cores; `full` (`npm run bench -- --full`, or BENCH_PROFILE=full) uses the sizes the issues state
 * (a 100,000-row outbox, 30 s holds). A size set by its own variable (EVENTS=…) wins over both.
 */
export type BenchProfile = 'quick' | 'full';

export function benchProfile(env: NodeJS.ProcessEnv = process.env): BenchProfile {
  const raw = env.BENCH_PROFILE;
  if (raw === undefined || raw === '' || raw === 'quick') return 'quick';
  if (raw === 'full') return 'full';
  throw new Error(`BENCH_PROFILE must be quick or full, not ${JSON.stringify(raw)}`);
}

/** A positive number from `name` when set, else the profile's size. */
export function benchSize(
  name: string,
  sizes: Record<BenchProfile, number>,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return sizes[benchProfile(env)];
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  }
  return value;
}

/** A comma-separated list of numbers from `name` when set, else the profile's list. */
export function benchList(
  name: string,
  lists: Record<BenchProfile, readonly number[]>,
  env: NodeJS.ProcessEnv = process.env,
): number[] {
  const raw = env[name];
  if (raw === undefined || raw === '') return [...lists[benchProfile(env)]];
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isFinite(value) || value <= 0)) {
    throw new Error(`${name} must be a comma-separated list of positive numbers, not ${JSON.stringify(raw)}`);
  }
  return values;
}
