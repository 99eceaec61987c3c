export { createKafka, topicName, type KafkaConnectionOptions } from './kafka/kafka-client';
export {
  KAFKA_SASL_MECHANISMS,
  kafkaSecurityConfig,
  kafkaSecurityFromSettings,
  type KafkaSaslMechanism,
  type KafkaSaslOptions,
  type KafkaSecurityOptions,
  type KafkaSecuritySettings,
  type KafkaTlsOptions,
} from './kafka/kafka-security';
export { ensureTopics, type TopicSpec } from './kafka/topics';
export { KafkaReadiness } from './kafka/kafka-readiness';
export { messagingMigrations, outboxChannel } from './migrations/messaging-tables.migration';
export { MessageContexts, type MessageContext } from './context/message-context';
export { Outbox, OutboxContractError, type OutboxAddOptions } from './outbox/outbox';
export { OutboxRelay, type RelayBacklog, type RelayOptions } from './relay/outbox-relay';
export {
  EventConsumer,
  type ConsumedRecord,
  type EventConsumerOptions,
  type EventHandlerFn,
  type RecordOutcome,
} from './consumer/event-consumer';
export { DLQ_HEADERS, type DeadLetterReason } from './consumer/dead-letter';
export { RejectedEvent } from './consumer/rejected-event';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './consumer/failure-policy';
export { DeadLetters, type DeadLetter } from './dead-letters/dead-letters';
export { HandlesEvent } from './nest/handles-event.decorator';
export { MessagingModule, MESSAGING_OPTIONS, type MessagingModuleOptions } from './nest/messaging.module';
export { MESSAGING_ADMIN_PATH, MessagingAdminController } from './admin/messaging-admin.controller';
export { MessagingAdmin, type MessagingAdminPorts } from './admin/messaging-admin.service';
export {
  DeadLetterDetailResponse,
  DeadLetterFilterQuery,
  DeadLetterListResponse,
  DeadLetterPositionParams,
  DeadLetterResponse,
  ReplayDeadLettersDto,
  ReplayResponse,
  ReplayResultResponse,
} from './admin/dto/dead-letter.dto';
export {
  ConsumerStatusResponse,
  OutboxStatusResponse,
  PartitionLagResponse,
} from './admin/dto/messaging-status.dto';
