import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MessageContexts } from '../context/message-context';

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 256 ? value : undefined;
};

/** Binds each HTTP request to a message context, so the events it causes carry its ids and trace. */
@Injectable()
export class MessageContextMiddleware implements NestMiddleware {
  use(request: IncomingMessage, _response: ServerResponse, next: () => void): void {
    MessageContexts.run(
      MessageContexts.fromRequest({
        correlationId: header(request, 'x-correlation-id'),
        requestId: header(request, 'x-request-id') ?? (request as { id?: string }).id,
        traceparent: header(request, 'traceparent'),
      }),
      next,
    );
  }
}
