import { randomBytes } from 'node:crypto';
import { Consumer, IHeaders, Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from './test-environment';
import { registerTestRun } from './test-runs';
import { type CloudEventV1, Kafka as CloudEventsKafka, type KafkaMessage } from 'cloudevents';

/** A topic namespace of its own for one test file: `t<hex>.` prepended to every topic name. */
export const createTestTopicPrefix = (): string => `t${registerTestRun()}${randomBytes(2).toString('hex')}.`;

/** Every topic made under a test prefix, with its run's id (see `test-runs.ts`) in group 1. */
export const TEST_TOPIC_PATTERN = /^t([0-9a-f]{4})[0-9a-f]{4}\./;

export const createTestKafka = (clientId = 'c2c-test'): Kafka =>
  new Kafka({ brokers: testKafkaBrokers(), clientId, logLevel: logLevel.ERROR });

export interface RecordedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * A recorded message read back as a subscriber's CloudEvents SDK reads it (Kafka binding, binary mode):
 * what a consumer outside the platform would see.
 */
export function readCloudEvent(message: RecordedMessage): CloudEventV1<unknown> {
  const kafkaMessage: KafkaMessage<string> = {
    headers: message.headers,
    key: message.key ?? '',
    value: message.value ?? '',
    body: message.value ?? '',
  };
  const read = CloudEventsKafka.toEvent(kafkaMessage);
  const event = Array.isArray(read) ? read[0] : read;
  if (event === undefined) throw new Error(`the message at offset ${message.offset} holds no CloudEvent`);
  return event;
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) decoded[name] = first.toString();
  }
  return decoded;
}

/**
 * Reads topics from their beginning into memory, as an independent observer (its own consumer group),
 * so a test can assert on exactly what reached the broker.
 */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];
  private consumer: Consumer | undefined;

  constructor(private readonly kafka: Kafka) {}

  async start(topics: string[]): Promise<this> {
    this.consumer = this.kafka.consumer({
      groupId: `recorder-${randomBytes(6).toString('hex')}`,
      maxWaitTimeInMs: 100,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ topic, partition, message }) => {
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: decodeHeaders(message.headers),
        });
        return Promise.resolve();
      },
    });
    return this;
  }

  ofType(type: string): RecordedMessage[] {
    return this.messages.filter((message) => message.headers.ce_type === type);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
