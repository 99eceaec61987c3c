import { Webhook } from 'standardwebhooks';
import { MockAgent } from 'undici';
import { generateWebhookSecret } from './secret';
import { STRICT_TARGET_POLICY } from './target-policy';
import { WEBHOOK_CONTENT_TYPE, WebhookDeliveryRequest, WebhookSender } from './webhook-sender';

// undici's MockAgent stands in for the network: these tests open no socket (it refuses to).
describe(WebhookSender.name, () => {
  const ORIGIN = 'https://hooks.example.com';
  let agent: MockAgent;
  let sender: WebhookSender;

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    sender = new WebhookSender({ policy: STRICT_TARGET_POLICY, dispatcher: agent, maxResponseBytes: 16 });
  });

  afterEach(async () => {
    await sender.close();
    await agent.close();
  });

  const secret = generateWebhookSecret();
  const request = (overrides: Partial<WebhookDeliveryRequest> = {}): WebhookDeliveryRequest => ({
    url: `${ORIGIN}/c2c`,
    messageId: '0b5e5a43-1b0e-4b7e-9d5c-0d1f3f1c2a11',
    timestamp: new Date(),
    body: JSON.stringify({ specversion: '1.0', id: '0b5e5a43', type: 'c2c.partnership.activated.v1' }),
    secrets: [secret],
    ...overrides,
  });
  const reply = (status: number, body = '', headers: Record<string, string> = {}) =>
    agent.get(ORIGIN).intercept({ path: '/c2c', method: 'POST' }).reply(status, body, { headers });

  it('posts the body as is, with Standard Webhooks headers that verify', async () => {
    let seen: { headers: Record<string, string>; body: string } | undefined;
    agent
      .get(ORIGIN)
      .intercept({ path: '/c2c', method: 'POST' })
      .reply((options) => {
        seen = { headers: options.headers as Record<string, string>, body: options.body as string };
        return { statusCode: 204 };
      });
    const sent = request();

    await expect(sender.send(sent)).resolves.toMatchObject({ kind: 'delivered', status: 204 });

    expect(seen?.body).toBe(sent.body);
    expect(seen?.headers).toMatchObject({
      'content-type': WEBHOOK_CONTENT_TYPE,
      'webhook-id': sent.messageId,
      'webhook-timestamp': String(Math.floor(sent.timestamp.getTime() / 1000)),
    });
    expect(new Webhook(secret).verify(sent.body, seen!.headers)).toEqual(JSON.parse(sent.body));
  });

  it('signs once per secret, space-separated, during a rotation', async () => {
    let signature = '';
    agent
      .get(ORIGIN)
      .intercept({ path: '/c2c', method: 'POST' })
      .reply((options) => {
        signature = (options.headers as Record<string, string>)['webhook-signature'];
        return { statusCode: 200 };
      });
    const previous = generateWebhookSecret();
    await sender.send(request({ secrets: [secret, previous] }));
    expect(signature.split(' ')).toHaveLength(2);
    expect(signature).toMatch(/^v1,\S+ v1,\S+$/);
  });

  it.each([
    [500, 'retry'],
    [503, 'retry'],
    [408, 'retry'],
    [429, 'retry'],
    [410, 'gone'],
    [400, 'rejected'],
    [404, 'rejected'],
    [302, 'rejected'],
    [200, 'delivered'],
  ])('classifies %d as %s', async (status, kind) => {
    reply(status);
    const outcome = await sender.send(request());
    expect(outcome).toMatchObject({ kind, status });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(0);
    expect(outcome.error === undefined).toBe(kind === 'delivered');
  });

  it('passes on Retry-After for a retry', async () => {
    reply(429, '', { 'retry-after': '120' });
    await expect(sender.send(request())).resolves.toMatchObject({ kind: 'retry', retryAfterMs: 120_000 });
  });

  it('ignores Retry-After on an answer that is not retried', async () => {
    reply(400, '', { 'retry-after': '120' });
    expect((await sender.send(request())).retryAfterMs).toBeUndefined();
  });

  it('does not follow a redirect, and says where it pointed', async () => {
    reply(302, '', { location: 'http://169.254.169.254/latest/meta-data/' });
    const outcome = await sender.send(request());
    expect(outcome).toMatchObject({ kind: 'rejected', status: 302 });
    expect(outcome.error).toContain('not followed');
    agent.assertNoPendingInterceptors();
  });

  it('keeps only the first bytes of the response', async () => {
    reply(500, 'x'.repeat(1000));
    await expect(sender.send(request())).resolves.toMatchObject({ responseExcerpt: 'x'.repeat(16) });
  });

  it('retries on a network error', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/c2c', method: 'POST' })
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const outcome = await sender.send(request());
    expect(outcome.kind).toBe('retry');
    expect(outcome.error).toContain('ECONNRESET: socket hang up');
  });

  it.each(['http://hooks.example.com/c2c', 'https://10.0.0.1/c2c', 'https://169.254.169.254/'])(
    'refuses %s without dispatching it',
    async (url) => {
      const outcome = await sender.send(request({ url }));
      expect(outcome.kind).toBe('refused');
      expect(outcome.status).toBeUndefined();
    },
  );

  it('refuses to send a request it cannot sign soundly', async () => {
    await expect(sender.send(request({ secrets: [] }))).rejects.toThrow(TypeError);
    await expect(sender.send(request({ messageId: 'a.b' }))).rejects.toThrow(TypeError);
    await expect(sender.send(request({ messageId: 'a b' }))).rejects.toThrow(TypeError);
  });
});
