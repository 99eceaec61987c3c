export { eventually, type EventuallyOptions } from './eventually';
export { createTestDatabase, type TestDatabase } from './infrastructure/test-database';
export { testAdminDatabaseUrl, testKafkaBrokers } from './infrastructure/test-environment';
export {
  createTestKafka,
  createTestTopicPrefix,
  readCloudEvent,
  TopicRecorder,
  type RecordedMessage,
} from './infrastructure/test-kafka';
export { DisposablePostgres, freePort } from './infrastructure/disposable-postgres';
export { default as setUpTestInfrastructure, prepareTestInfrastructure } from './infrastructure/global-setup';
export { default as tearDownTestInfrastructure } from './infrastructure/global-teardown';
export { httpRequest, type HttpRequest, type HttpResponse } from './http-client';
export { eventDataFor, uniqueSuffix } from './factories/event-data.factory';
export { startEntryPoint, type EntryPointProcess } from './entry-point-process';
export * from './bench';
export { buildConsole } from './console-build';
