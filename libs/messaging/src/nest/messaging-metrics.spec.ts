import { Registry } from 'prom-client';
import { MessagingMetrics, UNKNOWN_TYPE } from './messaging-metrics';

const consumedSeries = async (registry: Registry) => {
  const metric = await registry.getSingleMetric('c2c_consumed_events_total')?.get();
  return (metric?.values ?? []).map(({ labels, value }) => [labels.type, labels.outcome, value]);
};

describe(MessagingMetrics.name, () => {
  it('labels consumed events by registered type, and counts every other type under one "unknown" label', async () => {
    const registry = new Registry();
    const metrics = new MessagingMetrics(registry);

    metrics.onOutcome('c2c.city.archived.v1', 'applied');
    metrics.onOutcome('c2c.city.archived.v1', 'applied');
    // What a forger can put in ce_type: a new label per record if taken as it comes.
    for (let i = 0; i < 1_000; i++) metrics.onOutcome(`c2c.city.forged-${i}.v1`, 'skipped');
    metrics.onOutcome('x'.repeat(10_000), 'dead-lettered');

    expect(await consumedSeries(registry)).toEqual([
      ['c2c.city.archived.v1', 'applied', 2],
      [UNKNOWN_TYPE, 'skipped', 1_000],
      [UNKNOWN_TYPE, 'dead-lettered', 1],
    ]);
  });
});
