import {
  context,
  type Context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanStatusCode,
  type TextMapGetter,
  type TextMapSetter,
  trace,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** The OpenTelemetry instrumentation scope of every span the platform makes. */
export const TRACER_NAME = '@c2c/platform';

export interface TracingOptions {
  /**
   * Where finished spans go instead of OTLP, each as soon as it ends (tests pass an
   * `InMemorySpanExporter`). Tracing is then on whatever the environment says.
   */
  exporter?: SpanExporter;
  /** The environment to read `OTEL_EXPORTER_OTLP_ENDPOINT` from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

export interface Tracing {
  /** Whether spans are recorded and exported in this process. */
  readonly enabled: boolean;
  /** Exports what is still buffered, then unregisters everything `startTracing` registered. */
  shutdown(): Promise<void>;
}

const OFF: Tracing = { enabled: false, shutdown: () => Promise.resolve() };

// The one propagator, used directly rather than through the API's global one, which is a no-op until
// something registers it: trace context is read and written the same way whether tracing is on or off.
const w3c = new W3CTraceContextPropagator();
let active: TracerProvider | undefined;

/**
 * Turns tracing on for this process when `OTEL_EXPORTER_OTLP_ENDPOINT` is set (or a test passes an
 * exporter): a tracer provider naming the service, spans batched to OTLP over HTTP (the exporter
 * reads the standard `OTEL_EXPORTER_OTLP_*` variables itself), W3C Trace Context, and an
 * AsyncLocalStorage context manager. Otherwise it registers nothing: the OpenTelemetry API stays its
 * own no-op, and the platform's span helpers do not even call it (off at no cost). Call it first in
 * main.ts, before anything is served.
 */
export function startTracing(serviceName: string, options: TracingOptions = {}): Tracing {
  const env = options.env ?? process.env;
  if (!options.exporter && !env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
    return OFF;
  }
  const processor = options.exporter
    ? new SimpleSpanProcessor({ exporter: options.exporter })
    : new BatchSpanProcessor({ exporter: new OTLPTraceExporter() });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    spanProcessors: [processor],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(w3c);
  trace.setGlobalTracerProvider(provider);
  active = provider;
  return {
    enabled: true,
    async shutdown() {
      await provider.shutdown();
      active = undefined;
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/** Whether this process records spans: the span helpers do nothing otherwise. */
export function isTracing(): boolean {
  return active !== undefined;
}

/**
 * Exports the spans still buffered; an app calls it as it closes (LoggingModule does), so a stopping
 * pod's last spans are not lost with the process.
 */
export async function flushTracing(): Promise<void> {
  await active?.forceFlush();
}

export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

// A traceparent of the W3C layout, version ff and all-zero ids refused: the rule of `isTraceparent`
// in @c2c/contracts (which this library does not depend on), checked against it in messaging's tests.
const TRACEPARENT = /^(?!ff)[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

export function isValidTraceparent(value: string | undefined): value is string {
  return value !== undefined && TRACEPARENT.test(value);
}

/**
 * The context whose parent span a `traceparent` (and `tracestate`) names, for a span continuing that
 * trace; the root context, so a span there starts a new trace, when the traceparent is missing or
 * malformed.
 */
export function contextOfTraceparent(traceparent: string | undefined, tracestate?: string): Context {
  if (!isValidTraceparent(traceparent)) return ROOT_CONTEXT;
  const carrier: Record<string, string> = { traceparent };
  if (tracestate !== undefined) carrier.tracestate = tracestate;
  const getter: TextMapGetter<Record<string, string>> = {
    get: (headers, key) => headers[key],
    keys: (headers) => Object.keys(headers),
  };
  return w3c.extract(ROOT_CONTEXT, carrier, getter);
}

export interface TraceHeaders {
  traceparent?: string;
  tracestate?: string;
}

/**
 * The `traceparent` (and `tracestate`) of the span active in `ctx`, for what that span sends on:
 * an HTTP call, an event. Empty when no span is active (tracing off, no incoming trace).
 */
export function traceHeadersOf(ctx: Context = context.active()): {
  traceparent?: string;
  tracestate?: string;
} {
  const headers: TraceHeaders = {};
  const setter: TextMapSetter<TraceHeaders> = {
    set: (carrier, key, value) => {
      if (key === 'traceparent' || key === 'tracestate') carrier[key] = value;
    },
  };
  w3c.inject(ctx, headers, setter);
  return headers;
}

/** Marks a span failed with the error, as an exception event and its status. */
export function recordFailure(span: Span, error: unknown): void {
  if (error instanceof Error) span.recordException(error);
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}
