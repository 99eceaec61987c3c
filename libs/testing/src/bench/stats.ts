/** What a figure's repeated samples came to: the median is the figure, min and max its spread. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples: [...samples] };
}

/** The spread as a share of the median, e.g. 0.12 for samples within 12 % of it end to end. */
export const spreadOf = (summary: Summary): number =>
  summary.median === 0 ? 0 : (summary.max - summary.min) / Math.abs(summary.median);

/** The p-th percentile (0–100) of samples, nearest rank: what the latency figures quote. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples for a percentile');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export interface AlternateOptions {
  /** Measured rounds per target (the median of these is the figure); at least 5 for a stated figure. */
  rounds: number;
  /** Rounds per target run first and thrown away: the JIT, the pools and the broker's caches warm up. */
  warmUp: number;
  /** Told after each measured round, for a progress line. */
  onSample?: (target: string, round: number, value: number) => void;
}

/**
 * Runs each target once per round, the order rotated every round (ABC, BCA, CAB…), so no target
 * always runs first on a cold machine or last on a hot one, and the machine's drift over the run is
 * shared by all. Returns each target's summary.
 */
export async function alternate<K extends string>(
  targets: Readonly<Record<K, () => Promise<number>>>,
  options: AlternateOptions,
): Promise<Record<K, Summary>> {
  const names = Object.keys(targets) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < options.warmUp + options.rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const value = await targets[name]();
      if (round < options.warmUp) continue;
      samples[name].push(value);
      options.onSample?.(name, round - options.warmUp + 1, value);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name])])) as Record<K, Summary>;
}
