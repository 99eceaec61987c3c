import { contextOfTraceparent, startTracing, tracer, type Tracing } from '@c2c/platform';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { MockAgent } from 'undici';
import { ServiceClient } from './service-client';

const ORIGIN = 'http://partnerships.internal:3002';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

describe(`${ServiceClient.name} with tracing on`, () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let agent: MockAgent;
  let client: ServiceClient;

  beforeAll(() => {
    tracing = startTracing('service-client-spec', { exporter });
  });

  afterAll(() => tracing.shutdown());

  beforeEach(() => {
    exporter.reset();
    agent = new MockAgent({ enableCallHistory: true });
    agent.disableNetConnect();
    client = new ServiceClient('partnerships', ORIGIN, {
      timeoutMs: 1_000,
      connectTimeoutMs: 100,
      retries: 2,
      retryBackoffMs: 1,
      breaker: { resetMs: 60_000, errorPercent: 50, volumeThreshold: 1_000 },
      dispatcher: agent,
    });
  });

  afterEach(async () => {
    await client.close();
    await agent.close();
  });

  /** Calls the service inside a server span continuing CALLER, as the gateway's request does. */
  const inServerSpan = async <T>(work: () => Promise<T>): Promise<{ result: T; serverSpanId: string }> => {
    const parent = contextOfTraceparent(CALLER);
    const server = tracer().startSpan('POST /api/v1/partnerships', { kind: SpanKind.SERVER }, parent);
    try {
      return {
        result: await context.with(trace.setSpan(parent, server), work),
        serverSpanId: server.spanContext().spanId,
      };
    } finally {
      server.end();
    }
  };

  it('calls the service in a CLIENT span, child of the server span, and sends that span as the traceparent', async () => {
    agent.get(ORIGIN).intercept({ path: '/partnerships?limit=5', method: 'POST' }).reply(201, '{}');

    const { serverSpanId } = await inServerSpan(() =>
      client.send({
        method: 'POST',
        path: '/partnerships?limit=5',
        headers: { traceparent: CALLER },
        body: '{}',
      }),
    );

    const span = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.CLIENT);
    expect(span?.parentSpanContext?.spanId).toBe(serverSpanId);
    expect(span?.spanContext().traceId).toBe(TRACE_ID);
    expect(span?.attributes).toMatchObject({
      'http.request.method': 'POST',
      'server.address': 'partnerships.internal',
      'server.port': 3002,
      'url.full': `${ORIGIN}/partnerships`,
      'peer.service': 'partnerships',
      'http.response.status_code': 201,
    });
    const sent = agent.getCallHistory()?.lastCall()?.headers as Record<string, string> | undefined;
    expect(sent?.traceparent).toBe(`00-${TRACE_ID}-${span?.spanContext().spanId}-01`);
  });

  it('keeps undici’s retries inside one span, and marks a service that stays unavailable failed', async () => {
    agent.get(ORIGIN).intercept({ path: '/cities/1', method: 'GET' }).reply(503, '{}').times(3);

    const { result } = await inServerSpan(() =>
      client.send({ method: 'GET', path: '/cities/1', headers: {} }),
    );

    expect(result.status).toBe(503);
    const clients = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.CLIENT);
    expect(clients.map((s) => [s.attributes['http.response.status_code'], s.status.code])).toEqual([
      [503, SpanStatusCode.ERROR],
    ]);
    expect(agent.getCallHistory()?.calls()).toHaveLength(3);
  });
});
