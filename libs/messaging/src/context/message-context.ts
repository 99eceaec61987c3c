import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * What ties an event to what caused it: the request or event chain (correlation), the direct cause
 * (causation) and the W3C trace. It flows from an HTTP request into the outbox row, the Kafka headers,
 * the consuming handler, and the events that handler emits in turn.
 */
export interface MessageContext {
  correlationId: string;
  causationId?: string;
  traceparent?: string;
}

const storage = new AsyncLocalStorage<MessageContext>();

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A new span under the caller's trace (or a new trace), so each hop has its own span id. */
export function childTraceparent(parent?: string): string {
  const match = parent ? TRACEPARENT.exec(parent) : null;
  const traceId = match?.[1] ?? randomBytes(16).toString('hex');
  const flags = match?.[3] ?? '01';
  return `00-${traceId}-${randomBytes(8).toString('hex')}-${flags}`;
}

export const isTraceparentHeader = (value: string | undefined): value is string =>
  value !== undefined && TRACEPARENT.test(value);

export const MessageContexts = {
  current(): MessageContext | undefined {
    return storage.getStore();
  },

  /** Runs work with the given context; what it adds to the outbox carries it. */
  run<T>(context: MessageContext, work: () => T): T {
    return storage.run(context, work);
  },

  /** Binds the rest of the current asynchronous flow (an HTTP request) to a context. */
  enter(context: MessageContext): void {
    storage.enterWith(context);
  },

  /** The context for work caused by an incoming event: same correlation, caused by that event. */
  fromEvent(event: { id: string; correlationid?: string; traceparent?: string }): MessageContext {
    return {
      correlationId: event.correlationid ?? event.id,
      causationId: event.id,
      traceparent: childTraceparent(event.traceparent),
    };
  },

  /** The context for an HTTP request: its correlation id (or request id) and its trace. */
  fromRequest(headers: { correlationId?: string; requestId?: string; traceparent?: string }): MessageContext {
    const correlationId = headers.correlationId ?? headers.requestId ?? randomUUID();
    return {
      correlationId,
      causationId: headers.requestId ?? correlationId,
      traceparent: childTraceparent(
        isTraceparentHeader(headers.traceparent) ? headers.traceparent : undefined,
      ),
    };
  },
};
