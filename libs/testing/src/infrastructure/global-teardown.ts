import { Kafka, logLevel } from 'kafkajs';
import { TEST_TOPIC_PATTERN } from './test-kafka';

/**
 * Once after the run: delete the topics test files made under their own prefixes (and any a killed
 * run left), so a developer's broker does not collect thousands of partitions it reloads at every start.
 */
export default async function globalTeardown(): Promise<void> {
  const brokers = process.env.C2C_TEST_KAFKA_BROKERS?.split(',');
  if (!brokers) return;
  const admin = new Kafka({ brokers, clientId: 'c2c-test-teardown', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => TEST_TOPIC_PATTERN.test(topic));
    for (let i = 0; i < topics.length; i += 100) {
      await admin.deleteTopics({ topics: topics.slice(i, i + 100), timeout: 30_000 });
    }
  } finally {
    await admin.disconnect();
  }
}
