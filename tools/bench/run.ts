/**
 * `npm run bench` runs every benchmark, one process each (so no benchmark inherits another's heap,
 * JIT state or open sockets), then regenerates the table and the chart in docs/benchmarks.md from
 * their JSON results. `npm run bench -- <name>…` runs some; `--full` runs the issues' sizes instead of
 * the quick profile (see libs/testing/src/bench/profile.ts); `--report` only regenerates the docs from
 * the results already in bench/results/; `--list` names them.
 *   env: BENCH_ROUNDS (5), BENCH_WARM_UP (1), BENCH_PROFILE (quick), and each benchmark's own (see
 *   its script's header).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  benchProfile,
  type BenchProfile,
  markdownTable,
  ratioChart,
  readLatestResults,
  replaceGeneratedSection,
  runsTable,
} from '@c2c/testing';

const ROOT = path.resolve(__dirname, '../..');

interface Benchmark {
  name: string;
  script: string;
  measures: string;
}

export const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'relay',
    script: 'libs/messaging/benchmarks/relay.bench.ts',
    measures: 'outbox drain and commit-to-publish latency, against raw kafkajs on the same broker',
  },
  {
    name: 'consumer',
    script: 'libs/messaging/benchmarks/consumer.bench.ts',
    measures: 'applying events through the inbox, against a strong raw eachBatch and stock Nest',
  },
  {
    name: 'gateway',
    script: 'apps/gateway/benchmarks/gateway.bench.ts',
    measures: 'three routes through the gateway to the cities service, against a conventional NestJS gateway',
  },
  {
    name: 'footprint',
    script: 'tools/bench/footprint.bench.ts',
    measures: 'each app built and spawned: time to ready, resident memory at rest and under load',
  },
  {
    name: 'end-to-end',
    script: 'apps/platform-e2e/benchmarks/end-to-end.bench.ts',
    measures: 'commands through the whole platform to the inbox: rate sustained, 201-to-inbox latency',
  },
  {
    name: 'kafka-client',
    script: 'libs/messaging/benchmarks/kafka-client.bench.ts',
    measures:
      "the relay's drain and the consumer's apply on kafkajs, beside raw @platformatic/kafka and raw kafkajs",
  },
  {
    name: 'notifications',
    script: 'apps/notifications/benchmarks/drain.bench.ts',
    measures: 'the notifications service draining a backlog into the inbox, against a raw kafkajs eachBatch',
  },
  {
    name: 'console',
    script: 'tools/bench/console.bench.ts',
    measures:
      'the web console: map page usable in headless Chromium with 1,000 cities and 2,000 partnerships; first-load JavaScript',
  },
];

const USAGE = `usage: npm run bench [-- <name>…] [--full] [--report] [--list]
  <name>     one or more of: ${BENCHMARKS.map((b) => b.name).join(', ')} (default: all)
  --full     the sizes the issues state (100,000-row outbox, 30 s holds): about 20 minutes for all,
             where the default quick profile (same anchors and rounds, smaller batches) takes minutes
  --report   regenerate docs/benchmarks.md from bench/results/ without running anything
  --list     name each benchmark and what it measures`;

function runOne(benchmark: Benchmark, index: number, total: number, profile: BenchProfile): Promise<number> {
  const started = Date.now();
  process.stderr.write(`\n[bench] ${index}/${total} ${benchmark.name} (${profile}): ${benchmark.measures}\n`);
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', '-r', '@swc-node/register', path.join(ROOT, benchmark.script)],
    // The apps' request log lines (stdout) are not the report: they go nowhere; progress is stderr.
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, BENCH_SUITE: '1', BENCH_PROFILE: profile },
    },
  );
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stderr.write(
        `[bench] ${benchmark.name} ${code === 0 ? 'done' : `FAILED (exit ${code})`} in ${seconds} s\n`,
      );
      resolve(code ?? 1);
    }),
  );
}

/** Regenerates docs/benchmarks.md's generated section and docs/benchmarks/ratios.svg. */
export async function regenerateDocs(): Promise<void> {
  const results = readLatestResults();
  if (results.length === 0) throw new Error('no results in bench/results/: run `npm run bench` first');
  mkdirSync(path.join(ROOT, 'docs/benchmarks'), { recursive: true });
  writeFileSync(path.join(ROOT, 'docs/benchmarks/ratios.svg'), ratioChart(results));
  const doc = path.join(ROOT, 'docs/benchmarks.md');
  const generated = [
    '## Latest figures',
    '',
    '![Each figure as a ratio to its anchor](benchmarks/ratios.svg)',
    '',
    markdownTable(results),
    '',
    runsTable(results),
    '',
    ...results.flatMap((r) =>
      r.notes.length === 0 ? [] : [`**${r.benchmark}**`, '', ...r.notes.map((n) => `- ${n}`), ''],
    ),
  ].join('\n');
  // Formatted as the repository formats markdown, so `npm run format:check` holds after a run.
  const prettier = await import('prettier');
  const options = { ...(await prettier.resolveConfig(doc)), filepath: doc };
  writeFileSync(
    doc,
    await prettier.format(replaceGeneratedSection(readFileSync(doc, 'utf8'), generated), options),
  );
  process.stderr.write(
    `[bench] docs/benchmarks.md and docs/benchmarks/ratios.svg regenerated from ${results.length} result(s)\n`,
  );
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        report: { type: 'boolean' },
        list: { type: 'boolean' },
        full: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.list) {
    for (const b of BENCHMARKS) process.stdout.write(`${b.name.padEnd(14)} ${b.measures}\n`);
    return 0;
  }
  if (values.report) {
    await regenerateDocs();
    return 0;
  }
  const unknown = positionals.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark ${unknown.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const selected =
    positionals.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => positionals.includes(b.name));
  const profile: BenchProfile = values.full ? 'full' : benchProfile();
  const started = Date.now();
  let failures = 0;
  for (const [i, benchmark] of selected.entries()) {
    if ((await runOne(benchmark, i + 1, selected.length, profile)) !== 0) failures++;
  }
  process.stderr.write(
    `\n[bench] ${selected.length - failures} of ${selected.length} done (${profile} profile) in ${Math.round((Date.now() - started) / 1000)} s\n`,
  );
  await regenerateDocs();
  return failures === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`[bench] ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
