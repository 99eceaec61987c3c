export { createKafka, topicName, type KafkaConnectionOptions } from './kafka/kafka-client';
export { ensureTopics, type TopicSpec } from './kafka/topics';
export { KafkaReadiness } from './kafka/kafka-readiness';
export { MessagingModule, MESSAGING_OPTIONS, type MessagingModuleOptions } from './nest/messaging.module';
export { messagingMigrations } from './migrations/messaging-tables.migration';
