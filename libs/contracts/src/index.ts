// Public API of @c2c/contracts: event types, topics, CloudEvents envelope and Kafka binding, payload
// validation, JSON Schemas and the AsyncAPI document. Framework-free: no Nest, TypeORM or kafkajs.

export {
  CE_HEADERS,
  CLOUDEVENTS_SPEC_VERSION,
  CONTENT_TYPE_HEADER,
  EVENT_CONTENT_TYPE,
  EVENT_SCHEMA_BASE_URI,
  EVENT_SOURCE_PREFIX,
  dataSchemaUriOf,
  eventSourceOf,
} from './cloudevents/cloudevent-headers';
export { CLOUDEVENT_HEADERS_SCHEMA } from './cloudevents/cloudevent-headers.schema';
export type { EventEnvelope, ParsedEnvelope } from './cloudevents/event-envelope';
export {
  fromKafkaMessage,
  toKafkaHeaders,
  toKafkaRecord,
  type EnvelopeProblem,
  type KafkaHeadersInput,
  type KafkaRecord,
  type ParseEnvelopeResult,
} from './cloudevents/kafka-binding';
export { isTraceparent, isUuid } from './cloudevents/attribute-formats';

export {
  TOPICS,
  TOPIC_NAMES,
  deadLetterTopicOf,
  isTopicName,
  sourceOfTopic,
  type TopicDefinition,
  type TopicName,
} from './registry/topics';
// defineEvent stays internal: an event defined outside this library would not be in the registry.
export type { EventDefinition, EventDefinitionInput, EventTypeName } from './registry/define-event';
export {
  EVENT_DEFINITIONS,
  EVENT_TYPES,
  definitionsByTopic,
  eventDefinition,
  eventTypesOfTopic,
  isKnownEventType,
  topicOf,
  type AnyEventDefinition,
  type AnyEventEnvelope,
  type EventData,
  type EventDefinitionOf,
  type EventEnvelopeOf,
  type EventEnvelopeOfTopic,
  type EventMap,
  type EventType,
  type EventTypesOf,
  type TopicOf,
} from './registry/event-registry';
export { createEventEnvelope, type EnvelopeAttributes } from './registry/create-event-envelope';
export {
  validateEventData,
  type ValidationProblem,
  type ValidationResult,
} from './registry/validate-event-data';
export { JSON_SCHEMA_DIALECT, eventJsonSchema, type JsonSchema } from './registry/event-json-schema';
export {
  byteLengthOf,
  decodeKafkaEvent,
  MAX_EVENT_BYTES,
  type DecodeOptions,
  type DecodeResult,
} from './registry/decode-kafka-event';
export { checkTopicOrigin, type TopicOriginProblem } from './registry/topic-origin';

export * from './events/cities/city-vocabularies';
export * from './events/partnerships/partnership-vocabularies';
export type {
  PartnershipParticipant,
  PartnershipSnapshot,
} from './events/partnerships/partnership-snapshot.schema';
export type { PartnershipActivity } from './events/partnerships/partnership-activity.schema';
export * from './events/commissions/commission-vocabularies';
export type { MeetingAgendaItem, ResolutionAction } from './events/commissions/commission-fields.schema';
export * from './events/best-practices/best-practice-vocabularies';
export type { BestPracticeSummary } from './events/best-practices/best-practice-fields.schema';

export {
  EVENT_CATALOGUE_VERSION,
  buildAsyncApiDocument,
  type AsyncApiDocument,
} from './asyncapi/asyncapi-document';
export { compareSchemas, type SchemaCompatibility } from './schema-compat/compare-schemas';
