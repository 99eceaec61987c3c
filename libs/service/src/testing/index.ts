// The one test world of every service's integration tests (tests only: `@c2c/service/testing`). It
// lives beside ServiceModule rather than in @c2c/testing because it builds on every infrastructure
// library, whose own tests use @c2c/testing: there it would make a dependency cycle.
export {
  RunningService,
  ServiceWorld,
  TestPublisher,
  topicFor,
  type CallAs,
  type CallOptions,
  type ServiceUnderTest,
} from './service-world';
export { ServiceApi, type Reply } from './service-api';
export { FakeOutbox, fakeTransactions, type RecordedEvent } from './fakes';
