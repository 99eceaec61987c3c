import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import { isTraceparent } from '@c2c/contracts';

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

/** Random lowercase hex, never all zeros: W3C Trace Context refuses an all-zero trace or span id. */
function randomId(bytes: number): string {
  for (;;) {
    const id = randomBytes(bytes).toString('hex');
    if (/[^0]/.test(id)) return id;
  }
}

/**
 * A new span under the caller's trace, so each hop has its own span id. The parent is kept only if
 * `isTraceparent` from `@c2c/contracts` accepts it, the same rule the gateway and the event envelope
 * apply, so a trace accepted at the edge is continued everywhere and a malformed one (version `ff`,
 * all-zero ids, upper case) starts a new trace rather than being passed on. The child is version 00,
 * as the spec asks of a parser that reads a higher version.
 */
export function childTraceparent(parent?: string): string {
  const valid = parent !== undefined && isTraceparent(parent);
  // Safe to slice: the validator guarantees 2, 32, 16 and 2 hex digits: version, trace, parent, flags.
  const traceId = valid ? parent.slice(3, 35) : randomId(16);
  const flags = valid ? parent.slice(53, 55) : '01';
  return `00-${traceId}-${randomId(8)}-${flags}`;
}

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
      traceparent: childTraceparent(headers.traceparent),
    };
  },
};
