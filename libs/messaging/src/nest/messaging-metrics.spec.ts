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

describe(`${MessagingMetrics.name} of the relay and retries`, () => {
  it('observes each published event’s latency and counts them', async () => {
    const registry = new Registry();
    const metrics = new MessagingMetrics(registry);

    metrics.onPublished(['a', 'b', 'c'], [0.004, 0.03, 2]);

    const latency = await registry.getSingleMetric('c2c_relay_publish_latency_seconds')?.get();
    const value = (name: string, le?: number) =>
      (
        latency?.values as { metricName?: string; labels: { le?: number }; value: number }[] | undefined
      )?.find((v) => v.metricName === name && (le === undefined || v.labels.le === le))?.value;
    expect(value('c2c_relay_publish_latency_seconds_count')).toBe(3);
    expect(value('c2c_relay_publish_latency_seconds_bucket', 0.005)).toBe(1);
    expect(value('c2c_relay_publish_latency_seconds_bucket', 0.05)).toBe(2);
    expect(value('c2c_relay_publish_latency_seconds_sum')).toBeCloseTo(2.034);
    const published = await registry.getSingleMetric('c2c_outbox_published_events_total')?.get();
    expect(published?.values[0]?.value).toBe(3);
  });

  it('counts retries by registered type, others under "unknown"', async () => {
    const registry = new Registry();
    const metrics = new MessagingMetrics(registry);

    metrics.onRetry('c2c.city.archived.v1');
    metrics.onRetry('c2c.city.archived.v1');
    metrics.onRetry('c2c.city.forged.v1');

    const retries = await registry.getSingleMetric('c2c_event_retries_total')?.get();
    expect(retries?.values.map(({ labels, value }) => [labels.type, value])).toEqual([
      ['c2c.city.archived.v1', 2],
      [UNKNOWN_TYPE, 1],
    ]);
  });

  it('counts the restarts of a crashed consumer, from zero', async () => {
    const registry = new Registry();
    const metrics = new MessagingMetrics(registry);
    const restarts = async () =>
      (await registry.getSingleMetric('c2c_consumer_restarts_total')?.get())?.values[0]?.value;

    expect(await restarts()).toBe(0);
    metrics.onRestart();
    metrics.onRestart();
    expect(await restarts()).toBe(2);
  });
});
