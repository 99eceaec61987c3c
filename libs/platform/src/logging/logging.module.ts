import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { serverSpanOf, traceHttpServer } from '../tracing/http-server-spans';
import { flushTracing, isTracing } from '../tracing/tracing';
import { createServiceLogger, PinoNestLogger } from './pino-nest-logger';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's X-Request-Id when it is sane, else a new one; it appears in every log line and response. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The caller's X-Correlation-Id when it is sane (same rule as the request id), else undefined. */
export function correlationIdOf(request: IncomingMessage): string | undefined {
  const given = request.headers['x-correlation-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : undefined;
}

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The trace a request belongs to, for its log line: when tracing is on, the trace of the request's
 * server span (the caller's, or a new one when the caller sent none that is valid); otherwise the
 * trace id of the caller's `traceparent`, else undefined.
 */
export function traceIdOf(request: IncomingMessage): string | undefined {
  const span = serverSpanOf(request);
  if (span) return span.spanContext().traceId;
  const given = request.headers.traceparent;
  const match = typeof given === 'string' ? TRACEPARENT.exec(given) : null;
  return match?.[1] !== undefined && !/^0+$/.test(match[1]) ? match[1] : undefined;
}

/**
 * Installs the server span hooks when `startTracing` turned tracing on, nothing at all otherwise, and
 * exports the buffered spans when the app closes.
 */
class HttpTracing implements OnApplicationShutdown {
  constructor(host: HttpAdapterHost) {
    const fastify = host.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify && isTracing()) traceHttpServer(fastify);
  }

  onApplicationShutdown(): Promise<void> {
    return flushTracing();
  }
}

/**
 * JSON logs through pino. The request log (one line per request with its id, status and duration) is
 * a Fastify hook installed by `createServiceApp`: a flat object written by one logger, which costs a
 * fraction of what a per-request child logger with serialized request and response objects does.
 * With tracing on, the module also gives every request a server span (the trace its log line names),
 * added while the app's modules start, before the server is ready.
 */
@Global()
@Module({})
export class LoggingModule {
  /** `destination`: where the lines go instead of stdout (tests that read them). */
  static forRoot(service: string, level: string, destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      providers: [
        {
          provide: PinoNestLogger,
          useValue: new PinoNestLogger(createServiceLogger(service, level, destination)),
        },
        {
          provide: HttpTracing,
          inject: [HttpAdapterHost],
          useFactory: (host: HttpAdapterHost) => new HttpTracing(host),
        },
      ],
      exports: [PinoNestLogger],
    };
  }
}
