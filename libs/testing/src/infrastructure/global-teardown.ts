import { Kafka, logLevel } from 'kafkajs';
import { TEST_TOPIC_PATTERN } from './test-kafka';
import { liveTestRuns, RUN_ID_VARIABLE, unregisterTestRun } from './test-runs';

const TORN_DOWN_VARIABLE = 'C2C_TEST_INFRA_TORN_DOWN_BY';

const isUnknownTopic = (error: unknown): boolean =>
  (error as { cause?: { type?: unknown } } | undefined)?.cause?.type === 'UNKNOWN_TOPIC_OR_PARTITION' ||
  (error as { type?: unknown } | undefined)?.type === 'UNKNOWN_TOPIC_OR_PARTITION';

/**
 * Once after the run: delete the topics test files made under their own prefixes (and any a killed
 * run left), so a developer's broker does not collect thousands of partitions it reloads at every
 * start; never the topics of another run or benchmark still going on the same broker. Like the
 * setup, it runs once per process however many projects list it.
 */
export default async function globalTeardown(): Promise<void> {
  const brokers = process.env.C2C_TEST_KAFKA_BROKERS?.split(',');
  if (!brokers || process.env[TORN_DOWN_VARIABLE] === String(process.pid)) return;
  process.env[TORN_DOWN_VARIABLE] = String(process.pid);
  const self = process.env[RUN_ID_VARIABLE] ?? '';
  const live = liveTestRuns(self);
  const ours = (topic: string): boolean => {
    const run = TEST_TOPIC_PATTERN.exec(topic)?.[1];
    return run !== undefined && !live.has(run);
  };
  const admin = new Kafka({ brokers, clientId: 'c2c-test-teardown', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter(ours);
    for (let i = 0; i < topics.length; i += 100) {
      await admin
        .deleteTopics({ topics: topics.slice(i, i + 100), timeout: 30_000 })
        .catch((error: unknown) => {
          // Deleted meanwhile (a run that ended beside this one cleaned up the leftovers too).
          if (!isUnknownTopic(error)) throw error;
        });
    }
  } finally {
    await admin.disconnect();
    unregisterTestRun(self);
  }
}
