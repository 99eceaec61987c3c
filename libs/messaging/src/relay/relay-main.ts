/**
 * The relay on its own, for deployments that run it beside the app rather than inside it:
 *   RELAY_SCHEMA=cities DATABASE_URL=… KAFKA_BROKERS=… node dist/libs/messaging/src/relay/relay-main.js
 * It reads the service's environment (`ServiceConfig`: brokers, prefix, Kafka TLS and SASL).
 * Several may run; one leads (see OutboxRelay), the others stand by.
 */
import 'reflect-metadata';
import { createServiceDataSource } from '@c2c/persistence';
import { ConfigError, loadConfig, ServiceConfig, startTracing } from '@c2c/platform';
import { createKafka } from '../kafka/kafka-client';
import { kafkaSecurityFromSettings } from '../kafka/kafka-security';
import { OutboxRelay } from './outbox-relay';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`${name} is required\n`);
    process.exit(1);
  }
  return value;
}

function readConfig(): ServiceConfig {
  try {
    return loadConfig(ServiceConfig);
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const schema = required('RELAY_SCHEMA');
  // Its publish spans under a name of their own (off without OTEL_EXPORTER_OTLP_ENDPOINT).
  const tracing = startTracing(`${schema}-relay`);
  const config = readConfig();
  const databaseUrl = config.DATABASE_URL;
  const brokers = config.KAFKA_BROKERS.split(',');
  const dataSource = createServiceDataSource({
    url: databaseUrl,
    schema,
    entities: [],
    migrations: [],
    applicationName: `relay:${schema}`,
    poolSize: 2,
  });
  await dataSource.initialize();
  const kafka = createKafka({ brokers, clientId: `relay-${schema}`, ...kafkaSecurityFromSettings(config) });
  const relay = new OutboxRelay(dataSource, kafka, {
    schema,
    databaseUrl,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    onError: (error) =>
      process.stderr.write(`relay: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  await relay.start();
  process.stdout.write(`relay for schema ${schema} running\n`);
  const stop = () => {
    void relay
      .stop()
      .then(() => dataSource.destroy())
      .then(() => tracing.shutdown())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
