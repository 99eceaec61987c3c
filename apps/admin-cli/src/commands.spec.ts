import type { Command } from './args';
import { type CommandIo, runCommand } from './commands';
import { GatewayClient, GatewayError, settingsFrom, SettingsError } from './gateway-client';
import { table } from './table';

interface Call {
  method: string;
  url: string;
  authorization?: string;
  body?: unknown;
}

/** A gateway that answers from `routes` ("METHOD /path?query" → body) and records every call. */
function fakeGateway(routes: Record<string, unknown>, status = 200) {
  const calls: Call[] = [];
  const fetchFn = ((url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const call: Call = {
      method: init.method!,
      url: url.replace('http://gw', ''),
      authorization: headers.authorization,
      body: init.body === undefined ? undefined : JSON.parse(init.body as string),
    };
    calls.push(call);
    const key = `${call.method} ${call.url}`;
    const body = key === 'POST /api/v1/auth/token' ? { accessToken: 'signed-in' } : routes[key];
    const answer = body === undefined ? 404 : key === 'POST /api/v1/auth/token' ? 200 : status;
    return Promise.resolve(
      new Response(JSON.stringify(body ?? { title: 'Not Found', detail: key }), { status: answer }),
    );
  }) as typeof fetch;
  return { calls, fetchFn };
}

function io(routes: Record<string, unknown>, status = 200) {
  const gateway = fakeGateway(routes, status);
  const out: string[] = [];
  const progress: string[] = [];
  const rebuilds: unknown[] = [];
  const context: CommandIo = {
    gateway: new GatewayClient(
      { url: 'http://gw', credentials: { email: 'a@b.c', password: 'pw' } },
      gateway.fetchFn,
    ),
    out: (text) => out.push(text),
    progress: (text) => progress.push(text),
    rebuild: (...args) => (rebuilds.push(args), Promise.resolve(0)),
  };
  return { context, calls: gateway.calls, out, progress, rebuilds };
}

const letter = (service: string, offset: string, resolved = false) => ({
  service,
  partition: 0,
  offset,
  eventId: `id-${offset}`,
  eventType: 'c2c.city.registered.v1',
  reason: 'invalid-data',
  error: 'data/name must be string',
  failedAt: '2026-12-02T10:00:00.000Z',
  resolved,
});

describe(runCommand.name, () => {
  it('lists dead letters as a table, signing in once, and warns of services that did not answer', async () => {
    const world = io({
      'GET /api/v1/admin/dead-letters?service=partnerships&type=c2c.city.registered.v1': {
        items: [letter('partnerships', '4')],
        missing: ['commissions'],
      },
    });
    const command: Command = {
      name: 'dead-letters list',
      service: 'partnerships',
      type: 'c2c.city.registered.v1',
      json: false,
    };
    expect(await runCommand(command, world.context)).toBe(0);
    expect(world.out[0]).toMatch(/^SERVICE\s+POSITION\s+TYPE/);
    expect(world.out[0]).toContain('partnerships  0:4       c2c.city.registered.v1');
    expect(world.progress).toEqual(['warning: no answer from commissions (down or not configured)']);
    expect(world.calls.map((c) => [c.method, c.url, c.authorization])).toEqual([
      ['POST', '/api/v1/auth/token', undefined],
      [
        'GET',
        '/api/v1/admin/dead-letters?service=partnerships&type=c2c.city.registered.v1',
        'Bearer signed-in',
      ],
    ]);
  });

  it('replays by filter service by service with progress, and exits 1 when a letter failed again', async () => {
    const replayed = (service: string, offset: string, outcome: string) => ({
      replayed: [{ service, partition: 0, offset, eventId: `id-${offset}`, eventType: 't', outcome }],
      missing: [],
    });
    const world = io({
      'GET /api/v1/admin/dead-letters': {
        items: [letter('partnerships', '1'), letter('partnerships', '2', true), letter('commissions', '3')],
        missing: [],
      },
      'POST /api/v1/admin/dead-letters/replay': replayed('partnerships', '1', 'applied'),
    });
    // The fake answers one body per route: the second service's answer is the same body here.
    const command: Command = { name: 'dead-letters replay', selection: { all: true }, json: true };
    expect(await runCommand(command, world.context)).toBe(0);
    expect(world.progress).toEqual([
      '2 unresolved dead letter(s) to replay in partnerships, commissions',
      '[1/2] partnerships: replaying 1...',
      '[1/2] partnerships: 1 applied',
      '[2/2] commissions: replaying 1...',
      '[2/2] commissions: 1 applied',
    ]);
    expect(
      world.calls.filter((c) => c.method === 'POST' && c.url.includes('replay')).map((c) => c.body),
    ).toEqual([
      { service: 'partnerships', all: true },
      { service: 'commissions', all: true },
    ]);
    expect(JSON.parse(world.out[0])).toMatchObject({
      replayed: [{ outcome: 'applied' }, { outcome: 'applied' }],
    });

    const again = io({ 'POST /api/v1/admin/dead-letters/replay': replayed('cities', '9', 'dead-lettered') });
    const one: Command = {
      name: 'dead-letters replay',
      service: 'cities',
      selection: { partition: 0, offset: '9' },
      json: false,
    };
    expect(await runCommand(one, again.context)).toBe(1);
    expect(again.calls[1].body).toEqual({ service: 'cities', partition: 0, offset: '9' });
    expect(again.out[0]).toContain('dead-lettered');
  });

  it('prints the outbox and consumer lag per service', async () => {
    const world = io({
      'GET /api/v1/admin/outbox': {
        items: [{ service: 'cities', size: 2, oldestAgeSeconds: 3.25 }],
        missing: [],
      },
      'GET /api/v1/admin/consumers': {
        items: [
          {
            service: 'partnerships',
            group: 'partnerships',
            lag: 5,
            deadLetterTopic: 'c2c.dlq.partnerships',
            partitions: [{ topic: 'c2c.cities.v1', partition: 0, committed: '1', end: '6', lag: 5 }],
          },
        ],
        missing: [],
      },
    });
    await runCommand({ name: 'outbox', json: false }, world.context);
    await runCommand({ name: 'consumers', json: false }, world.context);
    expect(world.out[0]).toContain('cities   2       3.3');
    expect(world.out[1]).toContain('partnerships  c2c.cities.v1  0          1          6    5');
  });

  it('redelivers a webhook delivery and hands a rebuild to the service script', async () => {
    const world = io({
      'POST /api/v1/webhooks/s-1/deliveries/d-1/redelivery': {
        id: 'd-1',
        eventType: 't',
        status: 'pending',
        attempts: 2,
      },
    });
    await runCommand(
      { name: 'webhooks redeliver', subscription: 's-1', delivery: 'd-1', json: false },
      world.context,
    );
    expect(world.out[0]).toContain('d-1       t           pending  2');
    await runCommand(
      { name: 'rebuild-read-model', service: 'commissions', model: 'city', check: true },
      world.context,
    );
    expect(world.rebuilds).toEqual([['commissions', 'city', true]]);
  });

  it("fails with the gateway's problem, naming the field", async () => {
    const world = io({ 'GET /api/v1/admin/outbox': { title: 'Forbidden', detail: 'secretariat only' } }, 403);
    await expect(runCommand({ name: 'outbox', json: false }, world.context)).rejects.toThrow(
      new GatewayError(403, { title: 'Forbidden', detail: 'secretariat only' }),
    );
    expect(
      new GatewayError(400, { title: 'Bad', errors: [{ field: 'since', message: 'must be ISO' }] }).message,
    ).toBe('the gateway answered 400: Bad — since: must be ISO');
  });
});

describe(settingsFrom.name, () => {
  it('takes a token, or a login, and refuses to run without either', () => {
    expect(settingsFrom({ C2C_ADMIN_TOKEN: 't' })).toEqual({
      url: 'http://127.0.0.1:3000',
      credentials: { token: 't' },
    });
    expect(
      settingsFrom({
        GATEWAY_URL: 'https://api.example.org/',
        C2C_ADMIN_EMAIL: 'e',
        C2C_ADMIN_PASSWORD: 'p',
      }),
    ).toEqual({ url: 'https://api.example.org', credentials: { email: 'e', password: 'p' } });
    expect(() => settingsFrom({ C2C_ADMIN_EMAIL: 'e' })).toThrow(SettingsError);
    expect(() => settingsFrom({ GATEWAY_URL: 'ftp://x', C2C_ADMIN_TOKEN: 't' })).toThrow('GATEWAY_URL');
  });
});

describe(table.name, () => {
  it('pads columns to their widest cell and says when there are no rows', () => {
    expect(
      table(
        [{ a: 'x', b: 10 }],
        [
          ['a', (r) => r.a],
          ['long heading', (r) => r.b],
        ],
      ),
    ).toBe('A  LONG HEADING\nx  10');
    expect(table([], [['a', () => '']])).toBe('(none)');
  });
});
