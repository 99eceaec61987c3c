import { Admin } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  numPartitions?: number;
}

/**
 * Creates the topics a service produces to or consumes from when they are missing; existing topics are
 * left as they are (an operator may have tuned them). In Kubernetes the topic operator does this
 * instead; locally and in tests the app does it at start.
 */
export async function ensureTopics(admin: Admin, topics: TopicSpec[], defaultPartitions = 3): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((spec) => !existing.has(spec.topic));
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((spec) => ({
      topic: spec.topic,
      numPartitions: spec.numPartitions ?? defaultPartitions,
    })),
  });
}
