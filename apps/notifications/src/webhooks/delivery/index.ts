// The webhook delivery core: plain TypeScript on undici, standardwebhooks and ipaddr.js, no Nest or
// TypeORM, so the service and its scheduler wrap it rather than live in it.
export {
  addressRefusal,
  checkTargetUrl,
  classifyAddress,
  STRICT_TARGET_POLICY,
  TargetRefusalCode,
  TargetRefusedError,
  type AddressClassification,
  type AddressVerdict,
  type TargetCheck,
  type TargetPolicy,
} from './target-policy';
export {
  createSafeConnector,
  createSafeDispatcher,
  type ResolveAll,
  type SafeConnectorOptions,
  type SafeDispatcherOptions,
} from './safe-dispatcher';
export {
  outcomeKindForStatus,
  parseRetryAfter,
  type DeliveryOutcome,
  type DeliveryOutcomeKind,
} from './delivery-outcome';
export {
  WEBHOOK_CONTENT_TYPE,
  WebhookSender,
  type WebhookDeliveryRequest,
  type WebhookSenderOptions,
} from './webhook-sender';
export {
  DEFAULT_BACKOFF,
  DEFAULT_DISABLE_RULE,
  disableReason,
  HEALTHY,
  recordAttempt,
  retryDelayMs,
  type BackoffOptions,
  type DeliveryHealth,
  type DisableReason,
  type DisableRule,
} from './backoff';
export { generateWebhookSecret, WEBHOOK_SECRET_PREFIX } from './secret';
