import { EventConsumer, ensureTopics, topicName } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Admin, Kafka, SeekEntry } from 'kafkajs';
import { DataSource } from 'typeorm';
import { CityModelRepository } from './city-model.repository';
import { CityModel } from './city-model.service';
import { CityModelDifference, diffCityModels } from './city-projection';

/** How a {@link CityModelRebuild} reads the topic. */
export interface CityModelRebuildOptions {
  /** The group the rebuild reads with. Its offsets and inbox rows are dropped before and after a run. */
  groupId: string;
  /** The service's schema: it holds the inbox, and names the lock that keeps rebuilds one at a time. */
  schema: string;
  /** The namespace of the topic names (`KAFKA_TOPIC_PREFIX`), if any. */
  topicPrefix?: string;
  /** How long to wait for the topic to be read to its end. */
  timeoutMs?: number;
}

/** What a rebuild found. */
export interface CityModelRebuildReport {
  /** Cities in the model after the rebuild. */
  cities: number;
  /** How the rebuilt model differs from the one before: empty when the model was right. */
  differences: CityModelDifference[];
}

type TopicOffsets = (SeekEntry & { high: string; low: string })[];

const CITIES_TOPIC = 'c2c.cities.v1';
// One lock per schema (each service's model has its own), the key the services used before this library.
const lockKey = (schema: string): string => `${schema}:city-model-rebuild`;

/**
 * Rebuilds the city read model from the beginning of `c2c.cities.v1`: empties it, reads the topic to
 * the end offsets seen at the start with a group of its own (so the live group's offsets and inbox are
 * untouched), through the same projection, then reports what differs from the model it replaced.
 *
 * The live consumer may keep applying events meanwhile: the projection is per-field and guarded by
 * sequence, so both converge on the same records. The service's own reactions to these events
 * (suspending partnerships, ending memberships) are not run: they happened when the events first
 * arrived. One rebuild at a time per schema, by a PostgreSQL advisory lock.
 */
export class CityModelRebuild {
  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly repository: CityModelRepository,
    private readonly model: CityModel,
    private readonly options: CityModelRebuildOptions,
  ) {}

  /** The report, or null when `wait` is false and another rebuild holds the lock. */
  async run(options: { wait?: boolean; signal?: AbortSignal } = {}): Promise<CityModelRebuildReport | null> {
    const key = lockKey(this.options.schema);
    const session = this.dataSource.createQueryRunner();
    await session.connect();
    try {
      if (options.wait === false) {
        const [row] = (await session.query('select pg_try_advisory_lock(hashtext($1)) as locked', [key])) as {
          locked: boolean;
        }[];
        if (row?.locked !== true) return null;
      } else {
        await session.query('select pg_advisory_lock(hashtext($1))', [key]);
      }
      try {
        return await this.rebuild(options.signal);
      } finally {
        await session.query('select pg_advisory_unlock(hashtext($1))', [key]);
      }
    } finally {
      await session.release();
    }
  }

  private async rebuild(signal?: AbortSignal): Promise<CityModelRebuildReport> {
    const { groupId, schema, topicPrefix } = this.options;
    const topic = topicName(topicPrefix, CITIES_TOPIC);
    const before = await this.repository.all();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [{ topic }]);
      // Left-over offsets of an interrupted run would make this one resume instead of start over.
      await dropGroup(admin, groupId);
      await this.transactions.run((tx) => this.repository.reset(tx, schema, groupId));
      const targets = await admin.fetchTopicOffsets(topic);
      const consumer = new EventConsumer(this.kafka, this.transactions, { groupId, schema, topicPrefix });
      const apply = this.model.apply.bind(this.model);
      consumer
        .on('c2c.city.registered.v1', async (event, tx) => void (await apply(tx, event)))
        .on('c2c.city.profile-updated.v1', async (event, tx) => void (await apply(tx, event)))
        .on('c2c.city.membership-changed.v1', async (event, tx) => void (await apply(tx, event)))
        .on('c2c.city.archived.v1', async (event, tx) => void (await apply(tx, event)));
      await consumer.start();
      try {
        await this.readToEnd(admin, topic, targets, signal);
      } finally {
        await consumer.stop();
      }
      await dropGroup(admin, groupId);
      await this.transactions.run((tx) => this.repository.forgetInbox(tx, schema, groupId));
    } finally {
      await admin.disconnect();
    }
    const after = await this.repository.all();
    return { cities: after.length, differences: diffCityModels(before, after) };
  }

  /** Waits until the group has committed every partition up to the end offset seen at the start. */
  private async readToEnd(admin: Admin, topic: string, targets: TopicOffsets, signal?: AbortSignal) {
    const deadline = Date.now() + (this.options.timeoutMs ?? 300_000);
    for (;;) {
      signal?.throwIfAborted();
      const [committed] = await admin.fetchOffsets({ groupId: this.options.groupId, topics: [topic] });
      const at = new Map(committed?.partitions.map((p) => [p.partition, Number(p.offset)]));
      const done = targets.every(
        (target) =>
          Number(target.high) <= Number(target.low) ||
          (at.get(target.partition) ?? -1) >= Number(target.high),
      );
      if (done) return;
      if (Date.now() > deadline) throw new Error(`the rebuild did not reach the end of ${topic} in time`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function dropGroup(admin: Admin, groupId: string): Promise<void> {
  try {
    await admin.deleteGroups([groupId]);
  } catch (error) {
    const groups = (error as { groups?: { error?: { type?: string } }[] }).groups ?? [];
    const notFound = groups.length > 0 && groups.every((group) => group.error?.type === 'GROUP_ID_NOT_FOUND');
    if (!notFound) throw error;
  }
}
