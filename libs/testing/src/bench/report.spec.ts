import { markdownTable, ratioChart, replaceGeneratedSection } from './report';
import { figure, type BenchResult } from './result';
import { summarize } from './stats';

const result = (): BenchResult => ({
  benchmark: 'relay',
  startedAt: '2026-12-02T10:00:00.000Z',
  finishedAt: '2026-12-02T10:01:00.000Z',
  machine: { cpus: 2, cpuModel: 'test cpu', memoryGiB: 24, os: 'Linux', node: 'v24.0.0' },
  load: { busy: 0.8, loadAverage1m: { before: 0.1, after: 1.9 } },
  rounds: 3,
  warmUp: 1,
  figures: [
    figure({
      id: 'relay.drain',
      label: 'drain | 100,000 rows',
      unit: 'ev/s',
      better: 'higher',
      measured: summarize([17_000, 18_000, 19_000]),
      anchors: [{ label: 'raw kafkajs', summary: summarize([24_000, 25_000, 26_000]) }],
      target: (ratio) => ({ text: '≥ 0.7×', met: (ratio ?? 0) >= 0.7 }),
    }),
  ],
  notes: [],
});

describe('benchmark report', () => {
  it('computes the ratio against the first anchor and judges the target with it', () => {
    const [drain] = result().figures;
    expect(drain.ratio).toBeCloseTo(0.72, 2);
    expect(drain.target).toEqual({ text: '≥ 0.7×', met: true });
  });

  it('writes one row per figure with medians, spread, the anchor and the ratio, pipes escaped', () => {
    const table = markdownTable([result()]);
    expect(table).toContain(
      '| relay | drain \\| 100,000 rows | 18,000 ev/s ±11 % | raw kafkajs 25,000 ev/s ±8 % | **0.72×** | ≥ 0.7× ✓ |',
    );
  });

  it('draws one bar per ratio, coloured by whether its target is met', () => {
    const svg = ratioChart([result()]);
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('relay: drain | 100,000 rows');
    expect(svg).toContain('fill="#2e7d32"');
    expect(svg).toContain('0.72×');
  });

  it('replaces only the generated section of the document, and appends one when it is missing', () => {
    const once = replaceGeneratedSection('# Benchmarks\n\nprose\n', 'table one');
    expect(once).toContain('prose');
    expect(once).toContain('table one');
    const twice = replaceGeneratedSection(`${once}\nlater prose\n`, 'table two');
    expect(twice).not.toContain('table one');
    expect(twice).toContain('table two');
    expect(twice).toContain('later prose');
  });
});
