/**
 * The relay on its own, for deployments that run it beside the app rather than inside it:
 *   RELAY_SCHEMA=cities DATABASE_URL=… KAFKA_BROKERS=… node dist/libs/messaging/src/relay/relay-main.js
 * Several may run; one leads (see OutboxRelay), the others stand by.
 */
import { createServiceDataSource } from '@c2c/persistence';
import { createKafka } from '../kafka/kafka-client';
import { OutboxRelay } from './outbox-relay';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`${name} is required\n`);
    process.exit(1);
  }
  return value;
}

async function main(): Promise<void> {
  const schema = required('RELAY_SCHEMA');
  const databaseUrl = required('DATABASE_URL');
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const dataSource = createServiceDataSource({
    url: databaseUrl,
    schema,
    entities: [],
    migrations: [],
    applicationName: `relay:${schema}`,
    poolSize: 2,
  });
  await dataSource.initialize();
  const relay = new OutboxRelay(dataSource, createKafka({ brokers, clientId: `relay-${schema}` }), {
    schema,
    databaseUrl,
    topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '',
    onError: (error) =>
      process.stderr.write(`relay: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  await relay.start();
  process.stdout.write(`relay for schema ${schema} running\n`);
  const stop = () => {
    void relay
      .stop()
      .then(() => dataSource.destroy())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
