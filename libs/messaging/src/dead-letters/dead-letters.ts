import { randomUUID } from 'node:crypto';
import { CE_HEADERS } from '@c2c/contracts';
import { DataSource } from 'typeorm';
import { IHeaders, Kafka } from 'kafkajs';
import { ConsumedRecord, EventConsumer, RecordOutcome, toRecord } from '../consumer/event-consumer';
import { DLQ_HEADERS } from '../consumer/dead-letter';

export interface DeadLetter {
  /** Position on the dead-letter topic: what `replay` takes. */
  partition: number;
  offset: string;
  eventId: string | null;
  eventType: string | null;
  reason: string;
  error: string;
  attempts: number;
  originalTopic: string;
  failedAt: string;
  /** Whether the event has since been applied (by a replay or a later redelivery). */
  resolved: boolean;
  record: ConsumedRecord;
}

const text = (headers: IHeaders, name: string): string | null => {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? null : first.toString();
};

/**
 * The letter's record as it first arrived: on its original topic, whose owner the consumer checks it
 * against (the dead-letter topic has none), and which a second dead letter then names again.
 */
const asArrived = (letter: DeadLetter): ConsumedRecord => ({
  ...letter.record,
  topic: letter.originalTopic || letter.record.topic,
});

/**
 * An operator's view of one consumer group's dead letters: list them, and replay one or all after a
 * fix. A replay goes through the same decode, validation, inbox and retry path as live traffic, so an
 * event that was applied in the meantime is not applied twice.
 */
export class DeadLetters {
  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly consumer: EventConsumer,
    private readonly options: { groupId: string; schema: string },
  ) {}

  async list(): Promise<DeadLetter[]> {
    const records = await this.readAll();
    const ids = records
      .map((r) => text(r.headers, CE_HEADERS.id))
      .filter((id): id is string => id !== null && /^[0-9a-f-]{36}$/i.test(id));
    const applied = new Set(
      ids.length === 0
        ? []
        : (
            (await this.dataSource.query(
              `select event_id from "${this.options.schema}".inbox where consumer_group = $1 and event_id = any($2::uuid[])`,
              [this.options.groupId, ids],
            )) as { event_id: string }[]
          ).map((row) => row.event_id),
    );
    return records.map((record) => {
      const eventId = text(record.headers, CE_HEADERS.id);
      return {
        partition: record.partition,
        offset: record.offset,
        eventId,
        eventType: text(record.headers, CE_HEADERS.type),
        reason: text(record.headers, DLQ_HEADERS.reason) ?? 'unknown',
        error: text(record.headers, DLQ_HEADERS.error) ?? '',
        attempts: Number(text(record.headers, DLQ_HEADERS.attempts) ?? 0),
        originalTopic: text(record.headers, DLQ_HEADERS.topic) ?? '',
        failedAt: text(record.headers, DLQ_HEADERS.failedAt) ?? '',
        resolved: eventId !== null && applied.has(eventId),
        record,
      };
    });
  }

  /** Replays one dead letter, found by its position on the dead-letter topic. */
  async replay(partition: number, offset: string): Promise<RecordOutcome> {
    const letter = (await this.list()).find((l) => l.partition === partition && l.offset === offset);
    if (!letter) throw new Error(`no dead letter at partition ${partition} offset ${offset}`);
    return this.consumer.processRecord(asArrived(letter));
  }

  /**
   * Replays every dead letter `select` picks (by default, every one not yet resolved), oldest first;
   * returns each outcome. The topic is read once for all of them.
   */
  async replayAll(
    select: (letter: DeadLetter) => boolean = (letter) => !letter.resolved,
  ): Promise<{ letter: DeadLetter; outcome: RecordOutcome }[]> {
    const results: { letter: DeadLetter; outcome: RecordOutcome }[] = [];
    for (const letter of (await this.list()).filter(select)) {
      results.push({ letter, outcome: await this.consumer.processRecord(asArrived(letter)) });
    }
    return results;
  }

  /** Reads the dead-letter topic from its start to its current end, without joining the live group. */
  private async readAll(): Promise<ConsumedRecord[]> {
    const topic = this.consumer.deadLetterTopic;
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
    const pending = new Map(
      ends.filter((e) => BigInt(e.high) > BigInt(e.low)).map((e) => [e.partition, BigInt(e.high)]),
    );
    if (pending.size === 0) return [];
    const records: ConsumedRecord[] = [];
    const readerGroup = `${this.options.groupId}.dlq-reader.${randomUUID()}`;
    const reader = this.kafka.consumer({ groupId: readerGroup, maxWaitTimeInMs: 100 });
    await reader.connect();
    try {
      await reader.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        reader
          .run({
            eachMessage: ({ partition, message }) => {
              const end = pending.get(partition);
              if (end === undefined) return Promise.resolve();
              records.push(toRecord(topic, partition, message));
              if (BigInt(message.offset) + 1n >= end) pending.delete(partition);
              if (pending.size === 0) resolve();
              return Promise.resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await reader.disconnect();
      // The reader's throwaway group would otherwise linger in the broker's group list.
      const cleanup = this.kafka.admin();
      await cleanup.connect();
      await cleanup.deleteGroups([readerGroup]).catch(() => undefined);
      await cleanup.disconnect();
    }
    return records.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  }
}
