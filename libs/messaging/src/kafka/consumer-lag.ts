import type { Admin } from 'kafkajs';

/** How far one consumer group is behind on one partition. */
export interface PartitionLag {
  topic: string;
  partition: number;
  /** The next offset the group will read (its committed offset; the log start when it has none). */
  committed: string;
  /** The partition's high watermark: the offset the next record written will get. */
  end: string;
  /** Records written and not yet consumed by the group: `end - committed`, never negative. */
  lag: number;
}

/**
 * A group's lag per partition of the given topics, from the broker's own figures (the group's
 * committed offsets against each partition's high watermark), so it is right even while the
 * consumer is stuck or down — a lag the consumer reported about itself would freeze with it.
 */
export async function consumerLag(admin: Admin, groupId: string, topics: string[]): Promise<PartitionLag[]> {
  if (topics.length === 0) return [];
  const [committed, ends] = await Promise.all([
    admin.fetchOffsets({ groupId, topics }),
    Promise.all(topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) }))),
  ]);
  const committedOf = new Map(
    committed.flatMap(({ topic, partitions }) =>
      partitions.map(({ partition, offset }) => [`${topic}/${partition}`, offset] as const),
    ),
  );
  return ends.flatMap(({ topic, offsets }) =>
    offsets.map(({ partition, high, low }) => {
      const given = committedOf.get(`${topic}/${partition}`);
      // -1: the group never committed here, so it will start from the log's start.
      const next = given === undefined || given === '-1' ? low : given;
      const lag = BigInt(high) - BigInt(next);
      return { topic, partition, committed: next, end: high, lag: lag > 0n ? Number(lag) : 0 };
    }),
  );
}
