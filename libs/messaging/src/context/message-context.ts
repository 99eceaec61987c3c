import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { isTraceparent } from '@c2c/contracts';
import { traceHeadersOf } from '@c2c/platform';

/**
 * What ties an event to what caused it: the request or event chain (correlation), the direct cause
 * (causation) and the W3C trace. It flows from an HTTP request into the outbox row, the Kafka headers,
 * the consuming handler, and the events that handler emits in turn.
 */
export interface MessageContext {
  correlationId: string;
  causationId?: string;
  /**
   * The W3C traceparent of the events written in this context, read when one is written: the span
   * active at that moment when tracing is on (the request's server span, the consumer span of the
   * event being handled), so each event is a child of the span that caused it; with tracing off, the
   * cause's own traceparent, passed on unchanged.
   */
  readonly traceparent?: string;
}

const storage = new AsyncLocalStorage<MessageContext>();

/**
 * A context whose traceparent follows the active span. The cause's traceparent is kept only if
 * `isTraceparent` from `@c2c/contracts` accepts it, the same rule the gateway and the event envelope
 * apply, so a trace accepted at the edge is continued everywhere and a malformed one (version `ff`,
 * all-zero ids, upper case) is never passed on: with tracing on, the span for this hop then starts a
 * new trace (the W3C propagator refuses it the same way).
 */
function tracedContext(ids: { correlationId: string; causationId: string }, cause?: string): MessageContext {
  const passedOn = cause !== undefined && isTraceparent(cause) ? cause : undefined;
  return {
    ...ids,
    get traceparent() {
      return traceHeadersOf().traceparent ?? passedOn;
    },
  };
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
    return tracedContext(
      { correlationId: event.correlationid ?? event.id, causationId: event.id },
      event.traceparent,
    );
  },

  /** The context for an HTTP request: its correlation id (or request id) and its trace. */
  fromRequest(headers: { correlationId?: string; requestId?: string; traceparent?: string }): MessageContext {
    const correlationId = headers.correlationId ?? headers.requestId ?? randomUUID();
    return tracedContext(
      { correlationId, causationId: headers.requestId ?? correlationId },
      headers.traceparent,
    );
  },
};
