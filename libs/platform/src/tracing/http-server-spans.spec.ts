import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import Fastify, { type FastifyInstance } from 'fastify';
import { traceIdOf } from '../logging/logging.module';
import { traceHttpServer } from './http-server-spans';
import { isTracing, startTracing, traceHeadersOf, type Tracing } from './tracing';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

describe('tracing off', () => {
  it('registers nothing without OTEL_EXPORTER_OTLP_ENDPOINT: no provider, no active span, nothing to inject', async () => {
    const tracing = startTracing('off-spec', { env: {} });

    expect(tracing.enabled).toBe(false);
    expect(isTracing()).toBe(false);
    expect(trace.getTracer('any').startSpan('x').isRecording()).toBe(false);
    expect(traceHeadersOf()).toEqual({});
    await tracing.shutdown();
  });
});

describe(traceHttpServer.name, () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let app: FastifyInstance;
  // What the handler saw as its active span and the log would name as the request's trace.
  const seen: { spanId?: string; traceId?: string }[] = [];

  beforeAll(async () => {
    tracing = startTracing('http-spec', { exporter });
    app = Fastify();
    traceHttpServer(app);
    const handler = async (request: { raw: Parameters<typeof traceIdOf>[0] }) => {
      // After an await, as a handler's database call would be: the span is still the active one.
      await new Promise((resolve) => setImmediate(resolve));
      seen.push({ spanId: trace.getActiveSpan()?.spanContext().spanId, traceId: traceIdOf(request.raw) });
      return { ok: true };
    };
    app.post('/cities/:id/archive', handler);
    app.get('/health/live', handler);
    app.get('/boom', () => Promise.reject(new Error('boom')));
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await tracing.shutdown();
  });

  beforeEach(() => {
    exporter.reset();
    seen.length = 0;
  });

  it('continues a valid traceparent in a SERVER span named by the route, active in the handler', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/cities/42/archive?reason=x',
      headers: { traceparent: PARENT },
      payload: { note: 'a body is read before the handler runs' },
    });

    expect(response.statusCode).toBe(200);
    const [span] = exporter.getFinishedSpans();
    expect(span).toMatchObject({ name: 'POST /cities/:id/archive', kind: SpanKind.SERVER });
    expect(span?.attributes).toEqual({
      'http.request.method': 'POST',
      'url.path': '/cities/42/archive',
      'http.route': '/cities/:id/archive',
      'http.response.status_code': 200,
    });
    expect(span?.spanContext().traceId).toBe(TRACE_ID);
    expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(seen).toEqual([{ spanId: span?.spanContext().spanId, traceId: TRACE_ID }]);
  });

  it.each(['ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', PARENT.toUpperCase(), 'junk'])(
    'starts a new trace instead of continuing %j, and the log names that one',
    async (traceparent) => {
      await app.inject({ method: 'POST', url: '/cities/1/archive', headers: { traceparent }, payload: {} });

      const [span] = exporter.getFinishedSpans();
      expect(span?.parentSpanContext).toBeUndefined();
      expect(span?.spanContext().traceId).not.toBe(TRACE_ID);
      expect(seen[0]?.traceId).toBe(span?.spanContext().traceId);
    },
  );

  it('marks a server error failed, and makes no span for probes', async () => {
    await app.inject({ method: 'GET', url: '/boom' });
    await app.inject({ method: 'GET', url: '/health/live' });

    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => [span.name, span.status.code])).toEqual([['GET /boom', SpanStatusCode.ERROR]]);
  });
});
