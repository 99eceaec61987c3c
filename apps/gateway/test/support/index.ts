// The gateway's test harness, for its own tests and the platform's end-to-end tests.
export { closedPortUrl, FakeUpstream } from './fake-upstream';
export { GATEWAY, GatewayHarness, type HttpResponse } from './gateway-harness';
export { LateTargetProxy } from './late-target-proxy';
