import { CE_HEADERS, EVENT_CONTENT_TYPE } from '../cloudevents/cloudevent-headers';
import { CLOUDEVENT_HEADERS_SCHEMA } from '../cloudevents/cloudevent-headers.schema';
import { toKafkaHeaders } from '../cloudevents/kafka-binding';
import { createEventEnvelope } from '../registry/create-event-envelope';
import { eventJsonSchema, type JsonSchema } from '../registry/event-json-schema';
import { definitionsByTopic, type AnyEventDefinition } from '../registry/event-registry';
import { TOPICS, type TopicName } from '../registry/topics';

/** An AsyncAPI document as plain JSON. */
export type AsyncApiDocument = { readonly asyncapi: '3.0.0' } & JsonSchema;

/**
 * Version of the event catalogue in `info.version`; raise the minor version when events or optional
 * fields are added.
 */
export const EVENT_CATALOGUE_VERSION = '1.2.0';

const KAFKA_BINDING_VERSION = '0.5.0';
const HEADERS_SCHEMA_ID = 'CloudEventKafkaHeaders';
const EXAMPLE_EVENT_ID = '9b2f4c6e-1a3d-4e5f-8a7b-0c1d2e3f4a5b';
const EXAMPLE_TIME = '2026-04-01T00:00:00Z';

const INFO_DESCRIPTION = `Events of the AMF city-to-city (C2C) cooperation platform.

Every message is a CloudEvents 1.0 event in the Kafka binary content mode: the context attributes are
\`ce_*\` headers, the value is the JSON \`data\`, and the record key is the aggregate id (\`ce_subject\`),
so the events of one aggregate are ordered. Delivery is at least once: deduplicate on \`ce_id\`.

Readers must be tolerant: ignore unknown fields and skip unknown event types. A published event type
never changes incompatibly; a breaking change is published as a new version (\`.v2\`) beside the old one.
Generated from \`libs/contracts\`; do not edit by hand.`;

/**
 * The AsyncAPI 3.0 document of every topic and event type, built from the registry: one channel per
 * topic, one message per event type (payload = the event's JSON Schema, headers = the CloudEvents
 * headers), one `send` operation per producing service. Deterministic, so it can be diffed.
 */
export function buildAsyncApiDocument(): AsyncApiDocument {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { [HEADERS_SCHEMA_ID]: CLOUDEVENT_HEADERS_SCHEMA };

  for (const [topic, definitions] of definitionsByTopic()) {
    const channelId = channelIdOf(topic);
    const { service, description } = TOPICS[topic];
    const channelMessages: Record<string, unknown> = {};
    for (const definition of definitions) {
      messages[definition.type] = messageOf(definition);
      schemas[definition.type] = payloadSchemaOf(definition);
      channelMessages[definition.type] = { $ref: `#/components/messages/${definition.type}` };
    }
    channels[channelId] = {
      address: topic,
      title: topic,
      description,
      messages: channelMessages,
      bindings: { kafka: { topic, bindingVersion: KAFKA_BINDING_VERSION } },
    };
    if (definitions.length === 0) continue; // nothing is sent on it yet
    operations[`${service}Publishes`] = {
      action: 'send',
      title: `${service} publishes`,
      summary: `The ${service} service publishes its events on ${topic}, from its transactional outbox.`,
      channel: { $ref: `#/channels/${channelId}` },
      messages: definitions.map((d) => ({ $ref: `#/channels/${channelId}/messages/${d.type}` })),
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'C2C Cooperation Platform events',
      version: EVENT_CATALOGUE_VERSION,
      description: INFO_DESCRIPTION,
    },
    defaultContentType: EVENT_CONTENT_TYPE,
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The local broker (`npm run infra:up`, or docker compose).',
      },
    },
    channels,
    operations,
    components: { messages, schemas },
  };
}

/** Channel id of a topic: `c2c.cities.v1` → `citiesV1`. */
function channelIdOf(topic: TopicName): string {
  return topic
    .replace(/^c2c\./, '')
    .split('.')
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

function payloadSchemaOf(definition: AnyEventDefinition): JsonSchema {
  // The AsyncAPI schema format is draft-07 based: the 2020-12 `$schema` would contradict it. What the
  // payloads use (type, format, pattern, enum, anyOf, min/max…) means the same in both.
  const { $schema: _dialect, ...schema } = eventJsonSchema(definition.type);
  return schema;
}

function messageOf(definition: AnyEventDefinition): JsonSchema {
  const example = createEventEnvelope(definition.type, definition.example, {
    id: EXAMPLE_EVENT_ID,
    subject: exampleSubject(definition),
    time: EXAMPLE_TIME,
    sequence: 1,
    correlationid: EXAMPLE_EVENT_ID,
  });
  return {
    name: definition.type,
    title: definition.type,
    summary: `${definition.aggregate} event on ${definition.topic}`,
    description: definition.description,
    contentType: EVENT_CONTENT_TYPE,
    headers: {
      allOf: [
        { $ref: `#/components/schemas/${HEADERS_SCHEMA_ID}` },
        {
          type: 'object',
          properties: {
            [CE_HEADERS.type]: { type: 'string', const: definition.type },
            [CE_HEADERS.source]: { type: 'string', const: definition.source },
            [CE_HEADERS.dataschema]: { type: 'string', const: definition.dataschema },
          },
        },
      ],
    },
    payload: { $ref: `#/components/schemas/${definition.type}` },
    correlationId: { location: `$message.header#/${CE_HEADERS.correlationid}` },
    bindings: {
      kafka: {
        key: {
          type: 'string',
          format: 'uuid',
          description:
            definition.keyField === undefined
              ? `The ${definition.aggregate} id (= ce_subject).`
              : `The ${definition.aggregate} id, \`${definition.keyField}\` in the payload (= ce_subject).`,
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    examples: [
      {
        name: 'example',
        headers: toKafkaHeaders(example),
        payload: definition.example,
      },
    ],
  };
}

/**
 * The aggregate id in an example payload: its key field, else `<aggregate>Id` at the top or one
 * level down.
 */
function exampleSubject(definition: AnyEventDefinition): string {
  const key = definition.keyField ?? `${definition.aggregate}Id`;
  const data = definition.example as Record<string, unknown>;
  const nested = data[definition.aggregate];
  const id =
    data[key] ??
    (typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>)[key] : undefined);
  if (typeof id !== 'string') throw new Error(`example of ${definition.type} has no ${key}`);
  return id;
}
