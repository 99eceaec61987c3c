import { eventually } from '@c2c/testing';
import { randomUUID } from 'node:crypto';
import { promises as dns } from 'node:dns';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import {
  createSafeDispatcher,
  DeliveryOutcome,
  generateWebhookSecret,
  ResolveAll,
  TargetPolicy,
  WEBHOOK_CONTENT_TYPE,
  WebhookDeliveryRequest,
  WebhookSender,
} from '../src/webhooks/delivery';
import { startSniRecorder, WebhookReceiver } from './support/webhook-receiver';

// Real sockets, on 127.0.0.1 only: the sender, its safe dispatcher and local receivers. No Kafka or
// PostgreSQL is used (the integration tier's global setup may still bring them up).
const LOCAL: TargetPolicy = { allowHttp: true, allowPrivateTargets: true };
const PUBLIC_ONLY: TargetPolicy = { allowHttp: true, allowPrivateTargets: false };

describe(`${WebhookSender.name} against real receivers`, () => {
  const closing: Array<{ close(): Promise<void> }> = [];
  const receiver = async (...args: Parameters<typeof WebhookReceiver.start>) => {
    const started = await WebhookReceiver.start(...args);
    closing.push(started);
    return started;
  };
  const senderWith = (options: ConstructorParameters<typeof WebhookSender>[0]) => {
    const sender = new WebhookSender(options);
    closing.push(sender);
    return sender;
  };

  afterEach(async () => {
    await Promise.all(closing.splice(0).map((c) => c.close()));
  });

  const secret = generateWebhookSecret();
  const delivery = (url: string, overrides: Partial<WebhookDeliveryRequest> = {}): WebhookDeliveryRequest => {
    const id = randomUUID();
    const event = {
      specversion: '1.0',
      id,
      source: '/c2c/partnerships',
      type: 'c2c.partnership.activated.v1',
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data: { partnershipId: randomUUID() },
    };
    return {
      url,
      messageId: id,
      timestamp: new Date(),
      body: JSON.stringify(event),
      secrets: [secret],
      ...overrides,
    };
  };

  it('signs for each secret during a rotation: the receiver verifies with either, the body untouched', async () => {
    const target = await receiver({ status: 204 });
    const sender = senderWith({ policy: LOCAL });
    const previous = generateWebhookSecret();
    const sent = delivery(target.url(), { secrets: [secret, previous] });

    await expect(sender.send(sent)).resolves.toMatchObject({ kind: 'delivered', status: 204 });

    const [received] = target.requests;
    expect(received).toMatchObject({ method: 'POST', path: '/hooks', body: sent.body });
    expect(received.headers['content-type']).toBe(WEBHOOK_CONTENT_TYPE);
    expect(received.headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const key of [secret, previous]) {
      expect(new Webhook(key).verify(received.body, received.headers)).toEqual(JSON.parse(sent.body));
    }
    expect(() => new Webhook(generateWebhookSecret()).verify(received.body, received.headers)).toThrow(
      WebhookVerificationError,
    );
  });

  it.each<[string, Parameters<typeof WebhookReceiver.start>[0], Partial<DeliveryOutcome>]>([
    ['500 is retried', { status: 500, body: 'database down' }, { kind: 'retry', status: 500 }],
    [
      '429 is retried after its Retry-After',
      { status: 429, headers: { 'retry-after': '7' } },
      { kind: 'retry', status: 429, retryAfterMs: 7000 },
    ],
    ['410 is gone', { status: 410 }, { kind: 'gone', status: 410 }],
    ['400 is rejected', { status: 400, body: 'bad' }, { kind: 'rejected', status: 400 }],
  ])('%s', async (_, answer, expected) => {
    const target = await receiver(answer);
    const outcome = await senderWith({ policy: LOCAL }).send(delivery(target.url()));
    expect(outcome).toMatchObject(expected);
    expect(target.requests).toHaveLength(1);
  });

  it('gives up on a hanging receiver after the timeout, while another answers in time meanwhile', async () => {
    const hanging = await receiver({ hang: true });
    const prompt = await receiver({ status: 200 });
    // One origin too: a hanging request does not hold up the next one to the same receiver.
    const mixed = await receiver((request) => (request.path === '/slow' ? { hang: true } : { status: 202 }));
    const sender = senderWith({ policy: LOCAL, totalTimeoutMs: 1500 });

    let settled = false;
    const slow = Promise.all([
      sender.send(delivery(hanging.url())),
      sender.send(delivery(mixed.url('/slow'))),
    ]).finally(() => {
      settled = true;
    });
    await eventually(() => {
      expect(hanging.requests).toHaveLength(1);
      expect(mixed.requests).toHaveLength(1);
    });

    await expect(sender.send(delivery(prompt.url()))).resolves.toMatchObject({ kind: 'delivered' });
    await expect(sender.send(delivery(mixed.url('/fast')))).resolves.toMatchObject({
      kind: 'delivered',
      status: 202,
    });
    expect(settled).toBe(false);

    for (const outcome of await slow) {
      expect(outcome).toMatchObject({ kind: 'retry', error: 'no complete answer within 1500 ms' });
      expect(outcome.status).toBeUndefined();
      expect(outcome.latencyMs).toBeGreaterThanOrEqual(1400);
    }
  });

  it('does not follow a redirect to a private address: rejected, and the redirect target never called', async () => {
    const inside = await receiver({ status: 200 });
    const redirecting = await receiver({ status: 302, headers: { location: inside.url('/internal') } });

    const outcome = await senderWith({ policy: LOCAL }).send(delivery(redirecting.url()));

    expect(outcome).toMatchObject({ kind: 'rejected', status: 302 });
    expect(outcome.error).toContain('not followed');
    expect(redirecting.requests).toHaveLength(1);
    expect(inside.requests).toHaveLength(0);
  });

  describe('with private targets refused', () => {
    const counting = () => {
      const asked: string[] = [];
      const resolveAll: ResolveAll = async (hostname) => {
        asked.push(hostname);
        return dns.lookup(hostname, { all: true });
      };
      return { asked, resolveAll };
    };

    it('refuses http://10.0.0.1/ without connecting', async () => {
      const resolver = counting();
      const sender = senderWith({
        policy: PUBLIC_ONLY,
        dispatcher: closingDispatcher(PUBLIC_ONLY, resolver.resolveAll),
      });

      const outcome = await sender.send(delivery('http://10.0.0.1/'));

      expect(outcome).toMatchObject({ kind: 'refused' });
      expect(outcome.error).toContain('10.0.0.1 is a non-public address');
      expect(resolver.asked).toEqual([]); // the connector was never reached
    });

    it('refuses http://localhost:<port>/ when connecting: the name resolves to loopback, the receiver gets nothing', async () => {
      const target = await receiver({ status: 200 });
      const resolver = counting();
      const sender = senderWith({
        policy: PUBLIC_ONLY,
        dispatcher: closingDispatcher(PUBLIC_ONLY, resolver.resolveAll),
      });

      const outcome = await sender.send(delivery(target.url('/hooks', 'localhost')));

      expect(outcome.kind).toBe('refused');
      expect(outcome.error).toMatch(
        /^localhost resolves to (127\.0\.0\.1|::1): \S+ is a non-public address \(loopback\)/,
      );
      expect(resolver.asked).toEqual(['localhost']);
      expect(target.requests).toHaveLength(0);
    });

    function closingDispatcher(policy: TargetPolicy, resolveAll: ResolveAll) {
      const dispatcher = createSafeDispatcher({ policy, resolveAll });
      closing.push(dispatcher);
      return dispatcher;
    }
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/',
    'http://[::ffff:a9fe:a9fe]/',
  ])('refuses %s even with private targets allowed', async (url) => {
    const outcome = await senderWith({ policy: LOCAL }).send(delivery(url));
    expect(outcome.kind).toBe('refused');
    expect(outcome.error).toContain('link-local or cloud metadata');
  });

  it('connects to the address it checked, never resolving the name again', async () => {
    const target = await receiver({ status: 200 });
    const asked: string[] = [];
    // A name no DNS knows: only the connector's own answer can have taken the request anywhere.
    const resolveAll: ResolveAll = async (hostname) => {
      asked.push(hostname);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const dispatcher = createSafeDispatcher({ policy: LOCAL, resolveAll });
    closing.push(dispatcher);
    const sender = senderWith({ policy: LOCAL, dispatcher });

    const outcome = await sender.send(delivery(target.url('/hooks', 'webhooks.c2c.invalid')));

    expect(outcome).toMatchObject({ kind: 'delivered', status: 200 });
    expect(asked).toEqual(['webhooks.c2c.invalid']);
    expect(target.requests[0].headers.host).toBe(`webhooks.c2c.invalid:${target.port}`);
  });

  it('asks TLS for the host name while connecting to the checked address', async () => {
    const tls = await startSniRecorder();
    closing.push(tls);
    const resolveAll: ResolveAll = async () => [{ address: '127.0.0.1', family: 4 }];
    const dispatcher = createSafeDispatcher({ policy: LOCAL, resolveAll });
    closing.push(dispatcher);
    const sender = senderWith({ policy: LOCAL, dispatcher });

    const byName = await sender.send(delivery(`https://webhooks.c2c.invalid:${tls.port}/hooks`));
    // An address is no server name (RFC 6066), so none is sent for a literal IP.
    const byAddress = await sender.send(delivery(`https://127.0.0.1:${tls.port}/hooks`));

    expect(byName.kind).toBe('retry'); // the handshake fails: this endpoint has no certificate
    expect(byAddress.kind).toBe('retry');
    expect(tls.serverNames).toEqual(['webhooks.c2c.invalid']);
  });

  // 32 MB: more than loopback socket buffers can absorb, so the receiver sees the client hang up early.
  it('reads only the first KiBs of a 32 MB answer and drops the connection', async () => {
    const size = 32 * 1024 * 1024;
    const target = await receiver({ status: 200, streamBytes: size });
    const sender = senderWith({ policy: LOCAL, maxResponseBytes: 4096 });

    const outcome = await sender.send(delivery(target.url()));

    expect(outcome).toMatchObject({ kind: 'delivered', status: 200 });
    expect(outcome.responseExcerpt).toHaveLength(4096);
    await eventually(() => expect(target.streams[0]).toMatchObject({ closedEarly: true }));
    expect(target.streams[0].written).toBeLessThan(size);
  });
});
