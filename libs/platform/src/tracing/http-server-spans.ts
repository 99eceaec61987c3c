import type { IncomingMessage } from 'node:http';
import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { FastifyInstance } from 'fastify';
import { contextOfTraceparent, tracer } from './tracing';

const serverSpans = new WeakMap<IncomingMessage, Span>();

/** The server span of a request being traced (its log line names that span's trace). */
export function serverSpanOf(request: IncomingMessage): Span | undefined {
  return serverSpans.get(request);
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Probes, scrapes and key polling every few seconds: a trace each would bury the ones people cause,
 * and they have the request log (when they fail) and metrics already.
 */
const isMachineTraffic = (url: string): boolean =>
  url.startsWith('/health') || url === '/metrics' || url.startsWith('/.well-known/');

/**
 * A SERVER span per request, from the first of these hooks to the response, continuing the caller's
 * `traceparent` when it is valid and starting a trace otherwise. The rest of the request (Nest's
 * middleware, guards, the handler, and so the outbox write or the gateway's call to a service) runs
 * with it as the active span. Hand-made rather than `@opentelemetry/instrumentation-http`: that one
 * patches `node:http` through a require hook, which neither jest's module registry nor the bundled
 * apps go through (see docs/operations.md, Tracing).
 */
export function traceHttpServer(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const path = request.url.split('?')[0] ?? request.url;
    if (isMachineTraffic(path)) return done();
    const parent = contextOfTraceparent(
      header(request.raw, 'traceparent'),
      header(request.raw, 'tracestate'),
    );
    const route = request.routeOptions.url;
    const span = tracer().startSpan(
      route ? `${request.method} ${route}` : request.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: request.method,
          [ATTR_URL_PATH]: path,
          ...(route ? { [ATTR_HTTP_ROUTE]: route } : {}),
        },
      },
      parent,
    );
    serverSpans.set(request.raw, span);
    context.with(trace.setSpan(parent, span), done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const span = serverSpans.get(request.raw);
    // Kept in the map after it ends: the request log line, written after this hook, names its trace.
    if (span?.isRecording()) {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, reply.statusCode);
      // A 4xx is the caller's doing: only server errors mark the span failed (the semantic conventions' rule).
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    const span = serverSpans.get(request.raw);
    if (span?.isRecording()) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'the client went away' });
      span.end();
    }
    done();
  });
}
