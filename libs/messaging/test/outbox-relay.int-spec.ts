import { randomUUID } from 'node:crypto';
import { eventually, readCloudEvent, TopicRecorder } from '@c2c/testing';
import { MessageContexts, OutboxContractError } from '../src';
import { cityArchived, MessagingHarness } from './support/messaging-harness';

describe('outbox and relay on the real broker and database', () => {
  let harness: MessagingHarness;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    harness = await MessagingHarness.create('relay');
    recorder = await new TopicRecorder(harness.kafka).start([harness.citiesTopic]);
  });

  afterAll(async () => {
    await recorder?.stop();
    await harness?.close();
  });

  it('publishes a committed event with its CloudEvents headers, as the official SDK reads them', async () => {
    const relay = harness.relay();
    await relay.start();
    const cityId = randomUUID();
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const envelope = await MessageContexts.run(
      { correlationId: 'req-42', causationId: 'req-42', traceparent },
      () =>
        harness.transactions.run((tx) =>
          harness.outbox.add(tx, 'c2c.city.archived.v1', cityArchived(cityId), { aggregateId: cityId }),
        ),
    );

    const [message] = await eventually(() => {
      const found = recorder.messages.filter((m) => m.headers.ce_id === envelope.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(message.key).toBe(cityId);
    const read = readCloudEvent(message);
    expect(read).toMatchObject({
      specversion: '1.0',
      id: envelope.id,
      source: '/c2c/cities',
      type: 'c2c.city.archived.v1',
      subject: cityId,
      datacontenttype: 'application/json',
      dataschema: envelope.dataschema,
      sequence: '1',
      correlationid: 'req-42',
      causationid: 'req-42',
      traceparent,
    });
    expect(read.data).toEqual(cityArchived(cityId) && expect.objectContaining({ cityId, countryCode: 'IR' }));
    await eventually(async () => expect(await harness.unpublished()).toBe(0));
    await expect(relay.backlog()).resolves.toEqual({ size: 0, oldestAgeSeconds: 0 });
    await relay.stop();
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const relay = harness.relay();
    await relay.start();
    const doomed = randomUUID();
    await expect(
      harness.transactions.run(async (tx) => {
        await harness.outbox.add(tx, 'c2c.city.archived.v1', cityArchived(doomed), { aggregateId: doomed });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    // A later commit proves the relay has run past the point where the rolled-back event would be.
    const marker = randomUUID();
    await harness.transactions.run((tx) =>
      harness.outbox.add(tx, 'c2c.city.archived.v1', cityArchived(marker), { aggregateId: marker }),
    );
    await eventually(() => expect(recorder.messages.some((m) => m.key === marker)).toBe(true));
    expect(recorder.messages.some((m) => m.key === doomed)).toBe(false);
    await relay.stop();
  });

  it('refuses a payload that breaks its own contract, inside the transaction', async () => {
    const cityId = randomUUID();
    const bad = { ...cityArchived(cityId), countryCode: 'Iran' };
    await expect(
      harness.transactions.run((tx) =>
        harness.outbox.add(tx, 'c2c.city.archived.v1', bad, { aggregateId: cityId }),
      ),
    ).rejects.toThrow(OutboxContractError);
  });

  it('resends after a crash between publish and delete: a duplicate, never a loss', async () => {
    const crashing = harness.relay({
      afterPublishBeforeDelete: () =>
        Promise.reject(new Error('simulated crash before deleting the sent rows')),
    });
    const cityId = randomUUID();
    const envelope = await harness.transactions.run((tx) =>
      harness.outbox.add(tx, 'c2c.city.archived.v1', cityArchived(cityId), { aggregateId: cityId }),
    );
    await expect(crashing.publishBatch()).rejects.toThrow('simulated crash');
    expect(await harness.unpublished()).toBe(1);

    const relay = harness.relay();
    await relay.start();
    await eventually(async () => expect(await harness.unpublished()).toBe(0));
    await eventually(() =>
      expect(recorder.messages.filter((m) => m.headers.ce_id === envelope.id)).toHaveLength(2),
    );
    await relay.stop();

    // Both copies reach a consumer; the inbox lets the effect happen once. A later event on the same key
    // lands in the same partition after both copies, so once it is applied both copies went through.
    const marker = await harness.transactions.run((tx) =>
      harness.outbox.add(tx, 'c2c.city.archived.v1', cityArchived(cityId), { aggregateId: cityId }),
    );
    const drain = harness.relay();
    await drain.start();
    const consumer = harness.consumer().on('c2c.city.archived.v1', harness.recordEffect);
    await consumer.start();
    await eventually(
      async () => expect((await harness.effects()).some((e) => e.event_id === marker.id)).toBe(true),
      { timeout: 30_000 },
    );
    expect((await harness.effects()).filter((e) => e.event_id === envelope.id)).toHaveLength(1);
    await Promise.all([drain.stop(), consumer.stop()]);
  });

  it('keeps per-key order with two relays and 1,000 transactions, 100 at a time, over 50 keys committing out of order', async () => {
    const keys: string[] = Array.from({ length: 50 }, () => randomUUID());
    const relays = [harness.relay({ batchSize: 100 }), harness.relay({ batchSize: 100 })];
    await Promise.all(relays.map((relay) => relay.start()));
    // Never two leaders at once. A leader that hits an error (a broker still electing partition leaders
    // right after its start) gives up its lock and the other may take over, so the count is watched
    // throughout rather than read once at the end.
    let mostLeaders = 0;
    const watch = setInterval(() => {
      mostLeaders = Math.max(mostLeaders, relays.filter((relay) => relay.isLeader).length);
    }, 2);
    const ids = new Set<string>();
    // Each transaction writes its event early and commits after a random delay, so commit order differs
    // from id order across keys; several transactions on one key queue behind each other's row lock.
    // A hundred at a time, not all thousand: the pool (10) gives up on a wait over 5 s, which a
    // thousand queued behind each other's row locks reached on a busy CI machine.
    let next = 0;
    const writer = async () => {
      for (let i = next++; i < 1000; i = next++) {
        const key = keys[i % keys.length]!;
        await harness.transactions.run(async (tx) => {
          const envelope = await harness.outbox.add(tx, 'c2c.city.archived.v1', cityArchived(key), {
            aggregateId: key,
          });
          ids.add(envelope.id);
          await tx.query('select pg_sleep($1)', [Math.random() * 0.02]);
        });
      }
    };
    await Promise.all(Array.from({ length: 100 }, writer));
    const mine = () => recorder.messages.filter((m) => keys.includes(m.key ?? ''));
    await eventually(() => expect(new Set(mine().map((m) => m.headers.ce_id)).size).toBe(1000), {
      timeout: 60_000,
    });
    expect([...new Set(mine().map((m) => m.headers.ce_id))].every((id) => ids.has(id))).toBe(true);
    clearInterval(watch);
    expect(mostLeaders).toBe(1);
    await eventually(() => expect(relays.filter((relay) => relay.isLeader)).toHaveLength(1));

    for (const key of keys) {
      // Duplicates may repeat an event, but first occurrences follow the aggregate's sequence.
      const sequences = mine()
        .filter((m) => m.key === key)
        .map((m) => Number(m.headers.ce_sequence));
      const firsts = sequences.filter((seq, index) => sequences.indexOf(seq) === index);
      expect(firsts).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(
        new Set(
          mine()
            .filter((m) => m.key === key)
            .map((m) => m.partition),
        ).size,
      ).toBe(1);
    }
  }, 120_000);
});
