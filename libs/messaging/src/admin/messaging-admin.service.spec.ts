import { Problem } from '@c2c/platform';
import type { Admin } from 'kafkajs';
import type { RecordOutcome } from '../consumer/consumed-record';
import type { DeadLetter } from '../dead-letters/dead-letters';
import { MessagingAdmin, type MessagingAdminPorts } from './messaging-admin.service';

const letter = (over: Partial<DeadLetter> & { partition: number; offset: string }): DeadLetter => ({
  eventId: `00000000-0000-4000-8000-00000000000${over.offset}`,
  eventType: 'c2c.city.registered.v1',
  reason: 'invalid-data',
  error: 'data/name must be string',
  attempts: 1,
  originalTopic: 'c2c.cities.v1',
  failedAt: '2026-12-01T10:00:00.000Z',
  resolved: false,
  record: {
    topic: 'c2c.dlq.partnerships',
    partition: over.partition,
    offset: over.offset,
    key: Buffer.from('city-1'),
    value: Buffer.from('{"name":42}'),
    headers: {
      ce_type: Buffer.from('c2c.city.registered.v1'),
      dlq_original_partition: '2',
      dlq_original_offset: '7',
    },
  },
  ...over,
});

const LETTERS = [
  letter({ partition: 0, offset: '1' }),
  letter({
    partition: 0,
    offset: '2',
    eventType: 'c2c.city.archived.v1',
    failedAt: '2026-12-02T10:00:00.000Z',
  }),
  letter({ partition: 1, offset: '3', resolved: true, failedAt: '2026-12-03T10:00:00.000Z' }),
  letter({ partition: 1, offset: '4', failedAt: '' }),
];

function world(topics = ['c2c.cities.v1']) {
  const replayed: DeadLetter[] = [];
  const released: string[] = [];
  const fetchOffsets = jest
    .fn()
    .mockResolvedValue([{ topic: 'c2c.cities.v1', partitions: [{ partition: 0, offset: '5' }] }]);
  const fetchTopicMetadata = jest.fn().mockResolvedValue({ topics: [] });
  const fetchTopicOffsets = jest.fn().mockResolvedValue([{ partition: 0, low: '0', high: '8', offset: '8' }]);
  const ports: MessagingAdminPorts = {
    deadLetters: {
      list: () => Promise.resolve(LETTERS),
      replayAll: (select) => {
        const picked = LETTERS.filter(select);
        replayed.push(...picked);
        return Promise.resolve(picked.map((l) => ({ letter: l, outcome: 'applied' as RecordOutcome })));
      },
    },
    consumer: { topics: () => topics, deadLetterTopic: 'c2c.dlq.partnerships' },
    relay: { backlog: () => Promise.resolve({ size: 3, oldestAgeSeconds: 12.5 }) },
    kafkaAdmin: () =>
      Promise.resolve({
        admin: { fetchOffsets, fetchTopicOffsets, fetchTopicMetadata } as unknown as Admin,
        release: () => Promise.resolve(void released.push('admin')),
      }),
    groupId: 'partnerships',
    relayInProcess: true,
  };
  return { admin: new MessagingAdmin(ports), replayed, released };
}

const positions = (letters: { partition: number; offset: string }[]) =>
  letters.map((l) => `${l.partition}:${l.offset}`);

describe(MessagingAdmin.name, () => {
  it('lists letters by type and by time, leaving out the record and letters without a time', async () => {
    const { admin } = world();
    expect(positions(await admin.deadLetters({}))).toEqual(['0:1', '0:2', '1:3', '1:4']);
    expect(positions(await admin.deadLetters({ type: 'c2c.city.archived.v1' }))).toEqual(['0:2']);
    expect(positions(await admin.deadLetters({ since: '2026-12-02T00:00:00Z' }))).toEqual(['0:2', '1:3']);
    const [first] = await admin.deadLetters({});
    expect(first).not.toHaveProperty('record');
    expect(first).toMatchObject({ originalPartition: 2, originalOffset: '7', reason: 'invalid-data' });
  });

  it('has no dead letters to read in a service that consumes nothing', async () => {
    expect(await world([]).admin.deadLetters({})).toEqual([]);
  });

  it('shows one letter with its key, headers as text and data parsed', async () => {
    const detail = await world().admin.deadLetter(0, '1');
    expect(detail).toMatchObject({
      key: 'city-1',
      data: { name: 42 },
      headers: { ce_type: 'c2c.city.registered.v1', dlq_original_offset: '7' },
    });
  });

  it('answers 404 for a position that holds no letter', async () => {
    await expect(world().admin.deadLetter(9, '1')).rejects.toMatchObject({ status: 404 });
  });

  it('replays one letter by position; a resolved one is a duplicate, not replayed', async () => {
    const { admin, replayed } = world();
    expect(await admin.replay({ partition: 0, offset: '2' })).toEqual([
      expect.objectContaining({ partition: 0, offset: '2', outcome: 'applied' }),
    ]);
    expect(await admin.replay({ partition: 1, offset: '3' })).toEqual([
      expect.objectContaining({ partition: 1, offset: '3', outcome: 'duplicate' }),
    ]);
    expect(positions(replayed)).toEqual(['0:2']);
    await expect(admin.replay({ partition: 7, offset: '3' })).rejects.toMatchObject({ status: 404 });
  });

  it('replays the unresolved letters a filter takes, or all of them when told', async () => {
    const byType = world();
    await byType.admin.replay({ type: 'c2c.city.registered.v1' });
    expect(positions(byType.replayed)).toEqual(['0:1', '1:4']);
    const all = world();
    await all.admin.replay({ all: true });
    expect(positions(all.replayed)).toEqual(['0:1', '0:2', '1:4']);
  });

  it.each([
    [{}, 'all'],
    [{ partition: 0, offset: '1', type: 'x' }, 'type'],
    [{ partition: 0, offset: '1', all: true }, 'all'],
    [{ all: true, since: '2026-12-01T00:00:00Z' }, 'all'],
  ])('refuses the selection %j, naming %s', async (selection, field) => {
    const { admin, replayed } = world();
    const error = await admin.replay(selection).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Problem);
    expect(error).toMatchObject({ status: 400, errors: [expect.objectContaining({ field })] });
    expect(replayed).toEqual([]);
  });

  it('reports the outbox backlog and whether this instance relays', async () => {
    expect(await world().admin.outbox()).toEqual({ size: 3, oldestAgeSeconds: 12.5, relayInProcess: true });
  });

  it("reports the group's lag from the broker's offsets and releases the admin client", async () => {
    const { admin, released } = world();
    expect(await admin.consumers()).toEqual({
      group: 'partnerships',
      deadLetterTopic: 'c2c.dlq.partnerships',
      lag: 3,
      partitions: [{ topic: 'c2c.cities.v1', partition: 0, committed: '5', end: '8', lag: 3 }],
    });
    expect(released).toEqual(['admin']);
  });

  it('reports no lag without asking the broker for a service that consumes nothing', async () => {
    const { admin, released } = world([]);
    expect(await admin.consumers()).toMatchObject({ lag: 0, partitions: [] });
    expect(released).toEqual([]);
  });
});
