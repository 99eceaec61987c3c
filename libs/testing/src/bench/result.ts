import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadDuringRun, MachineInfo } from './machine';
import type { Summary } from './stats';

/** A figure beside what it is measured against. */
export interface Anchored {
  label: string;
  summary: Summary;
}

/** One line of the table: our figure, its anchors from the same run, the ratio and the target. */
export interface BenchFigure {
  /** Stable across runs, e.g. `gateway.me`: the history and the chart key on it. */
  id: string;
  label: string;
  unit: string;
  /** Which way is better, for how the ratio reads. */
  better: 'higher' | 'lower';
  measured: Summary;
  anchors: Anchored[];
  /** measured ÷ the first anchor, medians; absent without an anchor. */
  ratio?: number;
  /** What the issue asks, and whether this run met it. */
  target?: { text: string; met: boolean };
}

export interface BenchResult {
  benchmark: string;
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  load: LoadDuringRun;
  /** Rounds measured per target (after the warm-up rounds), the same for every figure of the run. */
  rounds: number;
  warmUp: number;
  /** Absent in results written before profiles existed (they ran the full sizes). */
  profile?: 'quick' | 'full';
  figures: BenchFigure[];
  /** What a reader needs to trust the figures: set-up, what the anchor does, known noise. */
  notes: string[];
}

/** A figure with its ratio against the first anchor filled in. */
export function figure(
  input: Omit<BenchFigure, 'ratio' | 'target'> & {
    target?: (ratio: number | undefined) => BenchFigure['target'];
  },
): BenchFigure {
  const anchor = input.anchors[0]?.summary.median;
  const ratio = anchor === undefined || anchor === 0 ? undefined : input.measured.median / anchor;
  const { target, ...rest } = input;
  const verdict = target?.(ratio);
  return { ...rest, ...(ratio === undefined ? {} : { ratio }), ...(verdict ? { target: verdict } : {}) };
}

/** Where results go: the latest per benchmark beside a dated history (git-ignored). */
export const RESULTS_DIR = path.resolve(__dirname, '../../../../bench/results');

export function writeResult(result: BenchResult, dir = RESULTS_DIR): string {
  mkdirSync(path.join(dir, 'history'), { recursive: true });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  writeFileSync(path.join(dir, 'history', `${result.benchmark}-${stamp}.json`), json);
  const latest = path.join(dir, `${result.benchmark}.json`);
  writeFileSync(latest, json);
  return latest;
}

/** The latest result of each benchmark, in name order. */
export function readLatestResults(dir = RESULTS_DIR): BenchResult[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names.sort().map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as BenchResult);
}
