import { isTraceparent } from '@c2c/contracts';
import { childTraceparent, MessageContexts } from './message-context';

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

describe(childTraceparent.name, () => {
  it.each(ACCEPTED)('continues the trace of %s with a new version-00 span', (parent) => {
    const child = childTraceparent(parent);

    expect(isTraceparent(child)).toBe(true);
    expect(child).toMatch(/^00-/);
    expect(traceIdOf(child)).toBe(traceIdOf(parent));
    expect(child.split('-')[2]).not.toBe(parent.split('-')[2]);
    expect(child.slice(-2)).toBe(parent.slice(-2));
  });

  it.each(REFUSED)('starts a new, valid trace instead of passing on %j', (parent) => {
    const child = childTraceparent(parent);

    expect(isTraceparent(child)).toBe(true);
    expect(child).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(child.toLowerCase()).not.toContain(TRACE_ID);
  });

  it('starts a new trace without a parent, and a different one each time', () => {
    const [first, second] = [childTraceparent(), childTraceparent()];

    expect(isTraceparent(first)).toBe(true);
    expect(traceIdOf(first)).not.toBe(traceIdOf(second));
  });

  it('keeps exactly the parents that the contracts accept', () => {
    for (const parent of [...ACCEPTED, ...REFUSED]) {
      expect([parent, traceIdOf(childTraceparent(parent)) === traceIdOf(parent)]).toEqual([
        parent,
        isTraceparent(parent),
      ]);
    }
  });
});

describe('MessageContexts', () => {
  it('continues an HTTP request trace the gateway accepted, under its correlation and request ids', () => {
    const context = MessageContexts.fromRequest({
      correlationId: 'corr-1',
      requestId: 'req-1',
      traceparent: PARENT,
    });

    expect(context).toMatchObject({ correlationId: 'corr-1', causationId: 'req-1' });
    expect(traceIdOf(context.traceparent ?? '')).toBe(TRACE_ID);
  });

  it.each(REFUSED)('refuses the request traceparent %j and starts a new trace', (traceparent) => {
    const context = MessageContexts.fromRequest({ requestId: 'req-2', traceparent });

    expect(isTraceparent(context.traceparent ?? '')).toBe(true);
    expect(context.traceparent).not.toContain(TRACE_ID);
    expect(context).toMatchObject({ correlationId: 'req-2', causationId: 'req-2' });
  });

  it('runs work caused by an event under its correlation, caused by it, in a child span of its trace', () => {
    const context = MessageContexts.fromEvent({
      id: 'event-1',
      correlationid: 'corr-3',
      traceparent: PARENT,
    });

    expect(context).toMatchObject({ correlationId: 'corr-3', causationId: 'event-1' });
    expect(traceIdOf(context.traceparent ?? '')).toBe(TRACE_ID);
    expect(context.traceparent).not.toBe(PARENT);
    expect(MessageContexts.run(context, () => MessageContexts.current())).toBe(context);
  });
});
