import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { createServiceLogger, PinoNestLogger } from './pino-nest-logger';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's X-Request-Id when it is sane, else a new one; it appears in every log line and response. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * JSON logs through pino. The request log (one line per request with its id, status and duration) is
 * a Fastify hook installed by `createServiceApp`: a flat object written by one logger, which costs a
 * fraction of what a per-request child logger with serialized request and response objects does.
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
      ],
      exports: [PinoNestLogger],
    };
  }
}
