export { ServiceConfig } from './config/common-config';
export { ConfigError, loadConfig } from './config/load-config';
export { HealthModule } from './health/health.module';
export { READINESS_CACHE_MS, type ReadinessAnswer } from './health/health.controller';
export { MetricsServer } from './metrics/metrics-server';
export { ReadinessChecks, type ReadinessCheck } from './health/readiness';
export { correlationIdOf, LoggingModule, requestIdOf, traceIdOf } from './logging/logging.module';
export { HttpMetrics, statusClassOf, UNMATCHED_ROUTE } from './metrics/http-metrics';
export { createServiceLogger, PinoNestLogger } from './logging/pino-nest-logger';
export { redactEmails, safeErrorSerializer } from './logging/log-safety';
export {
  createServiceApp,
  runService,
  strictValidationPipe,
  type ServiceAppOptions,
} from './bootstrap/run-service';
export { failureMessage, runJob } from './bootstrap/run-job';
export { Clock, FixedClock } from './domain/clock';
export { DomainError, type DomainErrorDetails, type DomainErrorKind } from './domain/domain-error';
export * from './http';
export {
  contextOfTraceparent,
  flushTracing,
  isTracing,
  isValidTraceparent,
  recordFailure,
  startTracing,
  traceHeadersOf,
  tracer,
  TRACER_NAME,
  type Tracing,
  type TraceHeaders,
  type TracingOptions,
} from './tracing/tracing';
export { serverSpanOf, traceHttpServer } from './tracing/http-server-spans';
