/**
 * The OpenTelemetry messaging (and CloudEvents) attribute names the relay's and the consumer's spans
 * carry. Spelled out here rather than imported from `@opentelemetry/semantic-conventions/incubating`,
 * whose names may still change between its releases, as that package itself advises.
 */
export const MESSAGING_SPAN_ATTRIBUTES = {
  system: 'messaging.system',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  destination: 'messaging.destination.name',
  consumerGroup: 'messaging.consumer.group.name',
  messageId: 'messaging.message.id',
  kafkaKey: 'messaging.kafka.message.key',
  eventType: 'cloudevents.event_type',
} as const;
