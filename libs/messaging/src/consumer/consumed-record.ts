import type { EventEnvelopeOf, EventType } from '@c2c/contracts';
import type { Tx } from '@c2c/persistence';
import type { IHeaders, KafkaMessage } from 'kafkajs';

/** A handler of one event type: a validated, typed envelope and the transaction its writes share. */
export type EventHandlerFn<T extends EventType> = (event: EventEnvelopeOf<T>, tx: Tx) => Promise<void>;

/** A Kafka record as the consumer saw it; dead letters and replays carry the same shape. */
export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: IHeaders;
}

export type RecordOutcome = 'applied' | 'duplicate' | 'skipped' | 'dead-lettered';

/** A fetched Kafka message as the consumer, dead letters and replays see it. */
export function toRecord(topic: string, partition: number, message: KafkaMessage): ConsumedRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: message.headers ?? {},
  };
}
