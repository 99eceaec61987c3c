import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceWorld } from '@c2c/service/testing';
import { startTracing, type Tracing } from '@c2c/platform';
import { eventually } from '@c2c/testing';
import { GatewayHarness, LateTargetProxy } from '@c2c/gateway-app/testing';
import { CityModel } from '@c2c/partnerships-app';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { CITIES, NOTIFICATIONS, PARTNERSHIPS } from './support/services';

const TRACE_ID = '5e1c2a7b9d3f4e8a6b0c1d2e3f4a5b6c';
const CALLER_SPAN_ID = '7a3b9c1d2e4f6a8b';

/**
 * One trace across every hop of a partnership proposal, as the services run: the gateway's server
 * span, its call to the partnerships service, that service's server span, the relay's publish and the
 * notifications service's handling of the event, each the child of the one before.
 */
describe('tracing across the gateway, a service, the outbox relay, Kafka and a consumer', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let world: ServiceWorld;
  let jwks: LateTargetProxy;
  let gateway: GatewayHarness;
  let partnerships: NestFastifyApplication;
  let admin: string;
  let prefix: string;

  beforeAll(async () => {
    // Before any app is built: their modules look whether tracing is on as they start.
    tracing = startTracing('platform-e2e', { exporter });
    world = await ServiceWorld.create('tracing_e2e');
    await world.ensureTopics('c2c.cities.v1', 'c2c.partnerships.v1', 'c2c.commissions.v1');
    jwks = await LateTargetProxy.start();
    const trustTheGateway = { AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json` };
    const cities = (await world.start(CITIES, trustTheGateway)).app;
    partnerships = (await world.start(PARTNERSHIPS, { ...trustTheGateway, DETECTION_INTERVAL_MS: '0' })).app;
    const notifications = (await world.start(NOTIFICATIONS, trustTheGateway)).app;
    gateway = await GatewayHarness.start(
      {
        CITIES_URL: await cities.getUrl(),
        PARTNERSHIPS_URL: await partnerships.getUrl(),
        NOTIFICATIONS_URL: await notifications.getUrl(),
      },
      world,
    );
    jwks.forwardTo(gateway.url);
    admin = await gateway.adminToken();
    prefix = world.topicPrefix;
  }, 180_000);

  afterAll(async () => {
    await world?.close();
    await jwks?.close();
    await tracing?.shutdown();
  });

  const call = <T>(method: 'POST', path: string, body: unknown, headers: Record<string, string> = {}) =>
    gateway.call<T>(method, `/api/v1${path}`, { token: admin, body, headers });

  const spansOf = (traceId: string): ReadableSpan[] =>
    exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);

  /** The one span of the trace that matches, waited for with a deadline. */
  const theSpan = (traceId: string, matches: (span: ReadableSpan) => boolean): Promise<ReadableSpan> =>
    eventually(
      () => {
        const found = spansOf(traceId).filter(matches);
        expect(found).toHaveLength(1);
        return found[0]!;
      },
      { timeout: 30_000 },
    );

  const isChildOf = (child: ReadableSpan, parent: ReadableSpan) =>
    expect([child.name, child.parentSpanContext?.spanId]).toEqual([child.name, parent.spanContext().spanId]);

  it('one POST through the gateway that leads to a notification is one trace, each hop the child of the one before', async () => {
    const city = async (name: string, countryCode: string) =>
      (await call<{ id: string }>('POST', '/cities', { name, countryCode, level: 'metropolitan-city' })).body
        .id;
    const surabaya = await city('Surabaya', 'ID');
    const kitakyushu = await city('Kitakyushu', 'JP');
    await eventually(
      async () => expect((await partnerships.get(CityModel).lookup([surabaya, kitakyushu])).size).toBe(2),
      { timeout: 30_000 },
    );

    const proposed = await call<{ id: string }>(
      'POST',
      '/partnerships',
      {
        type: 'sister-city',
        title: 'Surabaya–Kitakyushu Green Sister City',
        proposerCityId: surabaya,
        participantCityIds: [kitakyushu],
        cooperationAreas: ['environment-and-climate'],
      },
      { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` },
    );
    expect(proposed.status).toBe(201);

    const gatewayServer = await theSpan(
      TRACE_ID,
      (span) => span.kind === SpanKind.SERVER && span.attributes['http.route'] === '/api/v1/partnerships',
    );
    expect(gatewayServer.parentSpanContext?.spanId).toBe(CALLER_SPAN_ID);
    expect(gatewayServer.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.response.status_code': 201,
    });

    const gatewayClient = await theSpan(TRACE_ID, (span) => span.kind === SpanKind.CLIENT);
    isChildOf(gatewayClient, gatewayServer);
    expect(gatewayClient.attributes).toMatchObject({
      'peer.service': 'partnerships',
      'http.response.status_code': 201,
    });

    const serviceServer = await theSpan(
      TRACE_ID,
      (span) => span.kind === SpanKind.SERVER && span.attributes['http.route'] === '/partnerships',
    );
    isChildOf(serviceServer, gatewayClient);

    // The proposal's event, written in the service's request, published by its relay.
    const publish = await theSpan(
      TRACE_ID,
      (span) =>
        span.kind === SpanKind.PRODUCER &&
        span.attributes['messaging.destination.name'] === `${prefix}c2c.partnerships.v1`,
    );
    isChildOf(publish, serviceServer);
    expect(publish.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.kafka.message.key': proposed.body.id,
    });

    // Notifications learns of it over the broker only, and handles it as a child of the publish.
    const consume = await theSpan(
      TRACE_ID,
      (span) =>
        span.kind === SpanKind.CONSUMER &&
        span.attributes['messaging.consumer.group.name'] === `${prefix}notifications`,
    );
    isChildOf(consume, publish);
    expect(consume.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(consume.attributes).toMatchObject({
      'messaging.message.id': publish.attributes['messaging.message.id'],
      'messaging.operation.type': 'process',
    });
  });
});
