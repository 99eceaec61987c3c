import type { FastifyReply, FastifyRequest } from 'fastify';
import type { InternalTokensService } from '../tokens/internal-tokens.service';
import type { ProxyService } from '../routing/proxy.service';
import type { UpstreamRequest, UpstreamResponse } from '../routing/service-client';
import type { ServiceName, Upstreams } from '../routing/upstreams';
import { OperatorToolsController } from './operator-tools.controller';
import { OperatorToolsService } from './operator-tools.service';

const answer = (status: number, body: unknown): UpstreamResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify(body)),
});

/** Services that answer as `behaviour` says; one absent from it has no configured address. */
function gatewayWith(
  behaviour: Partial<Record<ServiceName, (request: UpstreamRequest) => UpstreamResponse>>,
) {
  const sent: { service: ServiceName; request: UpstreamRequest }[] = [];
  const upstreams = {
    has: (service: ServiceName) => behaviour[service] !== undefined,
    of: (service: ServiceName) => ({
      send: (request: UpstreamRequest) => {
        sent.push({ service, request });
        return Promise.resolve(behaviour[service]!(request));
      },
    }),
  } as unknown as Upstreams;
  const tokens = {
    headersFor: (service: string) => Promise.resolve({ authorization: `Bearer internal-${service}` }),
  } as unknown as InternalTokensService;
  const relayed: UpstreamResponse[] = [];
  const proxy = {
    relay: (_reply: FastifyReply, response: UpstreamResponse) => (relayed.push(response), response.body),
  } as unknown as ProxyService;
  const controller = new OperatorToolsController(new OperatorToolsService(upstreams, tokens), proxy);
  return { controller, sent, relayed };
}

const request = { headers: {}, id: 'req-1', ip: '127.0.0.1', protocol: 'http' } as unknown as FastifyRequest;
const reply = {} as FastifyReply;
const letter = (offset: string) => ({ partition: 0, offset, eventType: 'c2c.city.registered.v1' });

describe(OperatorToolsController.name, () => {
  it('merges every service’s dead letters, naming each one’s service, and lists the others as missing', async () => {
    const { controller, sent } = gatewayWith({
      cities: () => answer(200, { items: [] }),
      partnerships: () => answer(200, { items: [letter('1'), letter('2')] }),
      commissions: () => answer(503, { title: 'down' }),
    });
    const result = await controller.listDeadLetters({ type: 'c2c.city.registered.v1' }, request);
    expect(result).toEqual({
      items: [
        { service: 'partnerships', ...letter('1') },
        { service: 'partnerships', ...letter('2') },
      ],
      missing: ['commissions', 'notifications'],
    });
    expect(sent.map((s) => [s.service, s.request.path, s.request.headers.authorization])).toEqual([
      ['cities', '/admin/dead-letters?type=c2c.city.registered.v1', 'Bearer internal-cities'],
      ['partnerships', '/admin/dead-letters?type=c2c.city.registered.v1', 'Bearer internal-partnerships'],
      ['commissions', '/admin/dead-letters?type=c2c.city.registered.v1', 'Bearer internal-commissions'],
    ]);
  });

  it('asks only the service named', async () => {
    const { controller, sent } = gatewayWith({
      cities: () => answer(200, { items: [] }),
      partnerships: () => answer(200, { items: [letter('1')] }),
    });
    const since = '2026-12-01T00:00:00Z';
    expect((await controller.listDeadLetters({ service: 'partnerships', since }, request)).missing).toEqual(
      [],
    );
    expect(sent.map((s) => s.request.path)).toEqual([
      `/admin/dead-letters?since=${encodeURIComponent(since)}`,
    ]);
  });

  it('replays one letter at its service, sending the selection without the service', async () => {
    const { controller, sent } = gatewayWith({
      partnerships: () => answer(200, { replayed: [{ ...letter('1'), outcome: 'applied' }] }),
    });
    const result = await controller.replayDeadLetters(
      { service: 'partnerships', partition: 0, offset: '1' },
      request,
      reply,
    );
    expect(result).toEqual({
      replayed: [{ service: 'partnerships', ...letter('1'), outcome: 'applied' }],
      missing: [],
    });
    expect(JSON.parse(sent[0].request.body!)).toEqual({ partition: 0, offset: '1' });
    expect(sent[0].request.headers['content-type']).toBe('application/json');
  });

  it("passes a service's refusal of one letter on as it is", async () => {
    const { controller, relayed } = gatewayWith({
      partnerships: () => answer(404, { title: 'Not Found', status: 404 }),
    });
    await controller.replayDeadLetters(
      { service: 'partnerships', partition: 0, offset: '9' },
      request,
      reply,
    );
    await controller.getDeadLetter({ service: 'partnerships', partition: 0, offset: '9' }, request, reply);
    expect(relayed.map((r) => r.status)).toEqual([404, 404]);
  });

  it('replays by filter in every service and merges the outcomes', async () => {
    const { controller } = gatewayWith({
      partnerships: () => answer(200, { replayed: [{ ...letter('1'), outcome: 'dead-lettered' }] }),
      commissions: () => answer(200, { replayed: [{ ...letter('4'), outcome: 'duplicate' }] }),
    });
    const result = await controller.replayDeadLetters({ all: true }, request, reply);
    expect(result).toEqual({
      replayed: [
        { service: 'partnerships', ...letter('1'), outcome: 'dead-lettered' },
        { service: 'commissions', ...letter('4'), outcome: 'duplicate' },
      ],
      missing: ['cities', 'notifications'],
    });
  });

  it('reports outbox and consumers per service', async () => {
    const { controller } = gatewayWith({
      cities: (r) => answer(200, r.path.endsWith('outbox') ? { size: 1 } : { group: 'cities', lag: 0 }),
      notifications: () => {
        throw new Error('unreachable');
      },
    });
    expect(await controller.getOutbox(request)).toEqual({
      items: [{ service: 'cities', size: 1 }],
      missing: ['partnerships', 'commissions', 'notifications'],
    });
    expect((await controller.getConsumers(request)).items).toEqual([
      { service: 'cities', group: 'cities', lag: 0 },
    ]);
  });
});
