import { eventSourceOf } from '../cloudevents/cloudevent-headers';

/** What the contract says about one topic. */
export interface TopicDefinition {
  /** The only service that produces to this topic (its CloudEvents source is `/c2c/<service>`). */
  readonly service: string;
  /** What the topic carries, for the AsyncAPI document. */
  readonly description: string;
}

/**
 * Every event topic: one per producing service, versioned in its name (`c2c.<service>.v<N>`), keyed by
 * aggregate id. Retry and dead-letter topics are not listed: they belong to consumer groups.
 */
export const TOPICS = {
  'c2c.cities.v1': {
    service: 'cities',
    description: 'City and local-authority profiles and their AMF membership. Key: city id.',
  },
  'c2c.partnerships.v1': {
    service: 'partnerships',
    description:
      'City-to-city partnerships: proposal, acceptance, lifecycle, activities and practice transfers. ' +
      'Key: partnership id.',
  },
  'c2c.commissions.v1': {
    service: 'commissions',
    description:
      'The three AMF commissions (memberships, chairs, meetings, resolutions and their follow-up ' +
      'actions) and the best-practice library. Key: commission id for `c2c.commission.*`, practice id ' +
      'for `c2c.best-practice.*`.',
  },
} as const satisfies Record<string, TopicDefinition>;

/** Name of an event topic. */
export type TopicName = keyof typeof TOPICS;

/** Every event topic name, in declaration order. */
export const TOPIC_NAMES = Object.keys(TOPICS) as TopicName[];

/** Whether `name` is one of the event topics. */
export function isTopicName(name: string): name is TopicName {
  return Object.hasOwn(TOPICS, name);
}

/** The CloudEvents `source` of everything on `topic`, e.g. `/c2c/cities`. */
export function sourceOfTopic(topic: TopicName): string {
  return eventSourceOf(TOPICS[topic].service);
}

const KAFKA_TOPIC_CHARS = /^[a-zA-Z0-9._-]+$/;
const KAFKA_TOPIC_MAX_LENGTH = 249;
const DLQ_PREFIX = 'c2c.dlq.';

/**
 * The dead-letter topic of a consumer group, `c2c.dlq.<groupId>`. One per group, because a message that
 * one group fails on may be fine for another, and replay must reach only the group that failed.
 *
 * @throws {RangeError} if the group id would not make a legal Kafka topic name.
 */
export function deadLetterTopicOf(groupId: string): `c2c.dlq.${string}` {
  const topic = `${DLQ_PREFIX}${groupId}` as const;
  if (!KAFKA_TOPIC_CHARS.test(groupId) || topic.length > KAFKA_TOPIC_MAX_LENGTH) {
    throw new RangeError(
      `consumer group id "${groupId}" cannot name a topic: use [a-zA-Z0-9._-], at most ` +
        `${KAFKA_TOPIC_MAX_LENGTH - DLQ_PREFIX.length} characters`,
    );
  }
  return topic;
}
