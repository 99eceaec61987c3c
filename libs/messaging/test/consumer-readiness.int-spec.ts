import { eventually, uniqueSuffix } from '@c2c/testing';
import { EventConsumer } from '../src';
import { MessagingHarness } from './support/messaging-harness';

/** The consumer's readiness on the real broker: a member of its group, not merely started. */
describe(`${EventConsumer.name} readiness`, () => {
  let harness: MessagingHarness;

  beforeAll(async () => {
    harness = await MessagingHarness.create('consumer_ready');
  });

  afterAll(() => harness?.close());

  it('is down until the consumer joins its group, up while it is a member, and down once it stops', async () => {
    const consumer = harness.consumer().on('c2c.city.archived.v1', harness.recordEffect);
    await expect(consumer.readiness()).rejects.toThrow('the consumer is stopped');

    await consumer.start();
    await eventually(async () => {
      expect(consumer.groupState).toBe('joined');
      await expect(consumer.readiness()).resolves.toBeUndefined();
    });

    await consumer.stop();
    expect(consumer.groupState).toBe('stopped');
    await expect(consumer.readiness()).rejects.toThrow('the consumer is stopped');
  });

  it('is up again after a rebalance (another member joining), never reporting a crash', async () => {
    const groupId = `ready-${uniqueSuffix()}`;
    const first = harness.consumer({ groupId }).on('c2c.city.archived.v1', harness.recordEffect);
    const second = harness.consumer({ groupId }).on('c2c.city.archived.v1', harness.recordEffect);
    const seen = new Set<string>();
    const watch = setInterval(() => seen.add(first.groupState), 5);
    try {
      await first.start();
      await eventually(() => expect(first.groupState).toBe('joined'), { timeout: 30_000 });
      await second.start();
      await eventually(
        async () => {
          await expect(second.readiness()).resolves.toBeUndefined();
          await expect(first.readiness()).resolves.toBeUndefined();
        },
        { timeout: 30_000 },
      );
    } finally {
      clearInterval(watch);
      await second.stop();
      await first.stop();
    }
    expect([...seen].filter((state) => state === 'crashed' || state === 'restarting')).toEqual([]);
  });
});
