import { isKnownEventType, topicOf } from './event-registry';
import { isTopicName, sourceOfTopic } from './topics';

/**
 * Why an event may not be accepted from the topic it arrived on:
 * - `foreign-source`: its `source` is not the service that owns the topic (or the topic has no owner
 *   in the contracts), so someone other than the owner wrote it;
 * - `type-not-of-topic`: its type is registered, but for another topic.
 */
export interface TopicOriginProblem {
  readonly reason: 'foreign-source' | 'type-not-of-topic';
  readonly message: string;
}

/**
 * Whether an event may have come from the owner of `topic` (its logical name, without a test prefix).
 * Only the owning service writes to a topic, and its events carry that service's source, so any
 * other source or a type registered elsewhere is a forgery or a misrouted record. A type this build
 * does not know passes (tolerant readers skip it), provided its source is the owner's.
 */
export function checkTopicOrigin(
  topic: string,
  envelope: { readonly source: string; readonly type: string },
): TopicOriginProblem | null {
  if (!isTopicName(topic)) {
    return { reason: 'foreign-source', message: `topic ${topic} has no owning service in the contracts` };
  }
  const owner = sourceOfTopic(topic);
  if (envelope.source !== owner) {
    return {
      reason: 'foreign-source',
      message: `ce_source ${envelope.source} is not ${owner}, the owner of ${topic}`,
    };
  }
  if (isKnownEventType(envelope.type) && topicOf(envelope.type) !== topic) {
    return {
      reason: 'type-not-of-topic',
      message: `${envelope.type} belongs to ${topicOf(envelope.type)}, not to ${topic}`,
    };
  }
  return null;
}
