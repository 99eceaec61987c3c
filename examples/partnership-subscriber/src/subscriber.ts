import { decodeKafkaEvent, isKnownEventType, topicOf } from '@c2c/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { ActivePartnerships, Outcome, PartnershipEvent } from './active-partnerships';

export interface SubscriberOptions {
  brokers: string[];
  /** Prepended to the topic name; empty in production. */
  topicPrefix?: string;
  /**
   * The consumer group. This example keeps its state in memory, so it should read the topic from the
   * beginning on every start: give it a group id of its own per run.
   */
  groupId: string;
  onEvent?: (event: PartnershipEvent, outcome: Outcome, state: ActivePartnerships) => void;
  /** Records that are not readable partnership events (a real subscriber would dead-letter them). */
  onRejected?: (reason: string, offset: string) => void;
}

export interface RunningSubscriber {
  state: ActivePartnerships;
  stop(): Promise<void>;
}

export const PARTNERSHIPS_TOPIC = 'c2c.partnerships.v1';

const isPartnershipEvent = (event: { type: string }): event is PartnershipEvent =>
  isKnownEventType(event.type) && topicOf(event.type) === PARTNERSHIPS_TOPIC;

/** Subscribes to `c2c.partnerships.v1` from its beginning and keeps the set of active partnerships. */
export async function startSubscriber(options: SubscriberOptions): Promise<RunningSubscriber> {
  const state = new ActivePartnerships();
  const kafka = new Kafka({
    clientId: 'partnership-subscriber-example',
    brokers: options.brokers,
    logLevel: logLevel.ERROR,
  });
  const consumer = kafka.consumer({ groupId: options.groupId, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({
    topics: [`${options.topicPrefix ?? ''}${PARTNERSHIPS_TOPIC}`],
    fromBeginning: true,
  });
  await consumer.run({
    // One partition is handled in order; the record key (the partnership id) keeps a partnership on one.
    eachMessage: ({ message }) => {
      // Headers carry the CloudEvents attributes (ce_id, ce_type, ce_sequence …); the value is the data.
      const decoded = decodeKafkaEvent(message.headers ?? {}, message.value);
      if (!decoded.ok) {
        // A type this build does not know is a newer producer's addition: skip it, as the contract asks.
        if (decoded.reason !== 'unknown-type') options.onRejected?.(decoded.reason, message.offset);
      } else if (isPartnershipEvent(decoded.event)) {
        options.onEvent?.(decoded.event, state.apply(decoded.event), state);
      }
      return Promise.resolve();
    },
  });
  return { state, stop: () => consumer.disconnect() };
}
