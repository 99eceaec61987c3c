import { isTraceparent } from '@c2c/contracts';
import { contextOfTraceparent, isValidTraceparent, startTracing, tracer, type Tracing } from '@c2c/platform';
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { MessageContexts } from './message-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

/** Headers a gateway applying `isTraceparent` lets through. */
const ACCEPTED = [
  PARENT,
  `00-${TRACE_ID}-00f067aa0ba902b7-00`,
  `cc-${TRACE_ID}-00f067aa0ba902b7-01`,
  '00-00000000000000000000000000000001-0000000000000001-01',
];

/** Headers that must start a new trace wherever they arrive. */
const REFUSED = [
  `ff-${TRACE_ID}-00f067aa0ba902b7-01`,
  '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
  `00-${TRACE_ID}-0000000000000000-01`,
  `00-${TRACE_ID.toUpperCase()}-00f067aa0ba902b7-01`,
  `00-${TRACE_ID}-00f067aa0ba902b7`,
  `00-${TRACE_ID}-00f067aa0ba902b7-01-extra`,
  'not a traceparent',
  '',
];

const traceIdOf = (traceparent: string): string => traceparent.split('-')[1] ?? '';
const spanIdOf = (traceparent: string): string => traceparent.split('-')[2] ?? '';

/** Runs `work` in a span continuing `traceparent`, as the server and consumer spans do. */
const inSpanContinuing = <T>(traceparent: string | undefined, work: () => T): T => {
  const parent = contextOfTraceparent(traceparent);
  const span = tracer().startSpan('hop', {}, parent);
  try {
    return context.with(trace.setSpan(parent, span), work);
  } finally {
    span.end();
  }
};

describe('the trace rule', () => {
  it('is the one of the contracts: the platform accepts exactly the traceparents isTraceparent accepts', () => {
    for (const traceparent of [...ACCEPTED, ...REFUSED]) {
      expect([traceparent, isValidTraceparent(traceparent)]).toEqual([
        traceparent,
        isTraceparent(traceparent),
      ]);
    }
  });
});

describe('MessageContexts with tracing off', () => {
  it('passes on an HTTP request trace the gateway accepted, under its correlation and request ids', () => {
    const context = MessageContexts.fromRequest({
      correlationId: 'corr-1',
      requestId: 'req-1',
      traceparent: PARENT,
    });

    expect(context).toMatchObject({ correlationId: 'corr-1', causationId: 'req-1' });
    expect(context.traceparent).toBe(PARENT);
  });

  it.each(REFUSED)('never passes on the request traceparent %j', (traceparent) => {
    const context = MessageContexts.fromRequest({ requestId: 'req-2', traceparent });

    expect(context.traceparent).toBeUndefined();
    expect(context).toMatchObject({ correlationId: 'req-2', causationId: 'req-2' });
  });

  it('runs work caused by an event under its correlation, caused by it, in its trace', () => {
    const context = MessageContexts.fromEvent({
      id: 'event-1',
      correlationid: 'corr-3',
      traceparent: PARENT,
    });

    expect(context).toMatchObject({ correlationId: 'corr-3', causationId: 'event-1' });
    expect(context.traceparent).toBe(PARENT);
    expect(MessageContexts.run(context, () => MessageContexts.current())).toBe(context);
  });
});

describe('MessageContexts with tracing on', () => {
  let tracing: Tracing;
  const exporter = new InMemorySpanExporter();

  beforeAll(() => {
    tracing = startTracing('message-context-spec', { exporter });
  });

  afterAll(() => tracing.shutdown());

  it.each(ACCEPTED)(
    'continues the trace of %s in the active span: same trace id, a new span id',
    (parent) => {
      const { traceparent, active } = inSpanContinuing(parent, () => ({
        traceparent:
          MessageContexts.fromRequest({ requestId: 'req-3', traceparent: parent }).traceparent ?? '',
        active: trace.getActiveSpan()?.spanContext().spanId,
      }));

      expect(isTraceparent(traceparent)).toBe(true);
      expect(traceparent).toMatch(/^00-/);
      expect(traceIdOf(traceparent)).toBe(traceIdOf(parent));
      expect(spanIdOf(traceparent)).not.toBe(spanIdOf(parent));
      expect(spanIdOf(traceparent)).toBe(active);
    },
  );

  it.each(REFUSED)('starts a new, valid trace instead of continuing %j', (parent) => {
    const traceparent = inSpanContinuing(
      parent,
      () => MessageContexts.fromEvent({ id: 'event-2', traceparent: parent }).traceparent ?? '',
    );

    expect(isTraceparent(traceparent)).toBe(true);
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(traceparent).not.toContain(TRACE_ID);
  });

  it('starts a different trace each time there is no parent', () => {
    const [first, second] = [1, 2].map(() =>
      inSpanContinuing(
        undefined,
        () => MessageContexts.fromRequest({ requestId: 'req-4' }).traceparent ?? '',
      ),
    );

    expect(isTraceparent(first ?? '')).toBe(true);
    expect(traceIdOf(first ?? '')).not.toBe(traceIdOf(second ?? ''));
  });

  it('reads the trace when an event is written, so it names the span active then', () => {
    const message = MessageContexts.fromEvent({ id: 'event-3', traceparent: PARENT });

    expect(message.traceparent).toBe(PARENT); // no span active: the cause's own
    const inner = inSpanContinuing(PARENT, () => message.traceparent ?? '');
    expect(traceIdOf(inner)).toBe(TRACE_ID);
    expect(inner).not.toBe(PARENT);
  });
});
