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
  // A broker that has just started (or is loading many partitions) may not yet report a new topic's
  // leader; creating again is harmless (existing topics are skipped), so a few tries are made.
  for (let attempt = 1; ; attempt++) {
    try {
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
      await admin.fetchTopicMetadata({ topics: missing.map((spec) => spec.topic) });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
