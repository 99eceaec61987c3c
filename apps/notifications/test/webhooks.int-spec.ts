import { randomUUID } from 'node:crypto';
import type { EventData } from '@c2c/contracts';
import type { Page } from '@c2c/platform';
import { ServiceWorld, type TestPublisher } from '@c2c/service/testing';
import { eventually, type TopicRecorder } from '@c2c/testing';
import { Webhook } from 'standardwebhooks';
import type { NotificationPageResponse } from '../src/inbox/dto/notification.dto';
import type {
  DeliveryResponse,
  WebhookResponse,
  WebhookWithSecretResponse,
} from '../src/webhooks/dto/webhook.dto';
import { type Notifications, OBSERVER, SECRETARIAT, startNotifications } from './support/notifications';
import { type ReceivedRequest, WebhookReceiver } from './support/webhook-receiver';

const proposal = (title: string): EventData<'c2c.partnership.proposed.v1'> => ({
  partnership: {
    partnershipId: randomUUID(),
    type: 'sister-city',
    title,
    status: 'proposed',
    participants: [
      { cityId: randomUUID(), name: 'Surabaya', countryCode: 'ID', role: 'proposer', acceptedAt: null },
      { cityId: randomUUID(), name: 'Kitakyushu', countryCode: 'JP', role: 'partner', acceptedAt: null },
    ],
    cooperationAreas: ['environment-and-climate'],
    sdgTags: [],
    startDate: null,
    endDate: null,
  },
});

const titleOf = (request: ReceivedRequest) =>
  (JSON.parse(request.body) as { data: { partnership: { title: string } } }).data.partnership.title;

describe('notifications: Standard-Webhooks-signed webhooks from the real broker', () => {
  let world: ServiceWorld;
  let app: Notifications;
  let partnerships: TestPublisher;
  let recorder: TopicRecorder;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    world = await ServiceWorld.create('n-webhooks');
    app = await startNotifications(world, {
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOKS_ALLOW_HTTP: 'true',
      DELIVERY_INTERVAL_MS: '50',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_RETRY_BASE_MS: '50',
      WEBHOOK_RETRY_CAP_MS: '100',
      WEBHOOK_DISABLE_AFTER_FAILURES: '5',
    });
    partnerships = await world.publisherFor('partnerships');
    recorder = await world.record('c2c.partnerships.v1');
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const receiver = async (...args: Parameters<typeof WebhookReceiver.start>) => {
    const started = await WebhookReceiver.start(...args);
    receivers.push(started);
    return started;
  };
  const subscribe = async (url: string, eventTypes = ['c2c.partnership.*']) => {
    const response = await app.call('POST', '/webhooks', { as: SECRETARIAT, body: { url, eventTypes } });
    expect(response.statusCode).toBe(201);
    return response.json<WebhookWithSecretResponse>();
  };
  const propose = async (title: string) => {
    const data = proposal(title);
    return partnerships.publish('c2c.partnership.proposed.v1', data.partnership.partnershipId, data);
  };
  const deliveriesOf = async (id: string) =>
    (await app.call('GET', `/webhooks/${id}/deliveries`, { as: SECRETARIAT })).json<Page<DeliveryResponse>>()
      .items;

  it('POSTs the CloudEvent, signed so that standardwebhooks verifies it, only for the types subscribed', async () => {
    const target = await receiver();
    const subscription = await subscribe(target.url(), ['c2c.partnership.proposed.v1']);
    expect(subscription.secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    expect(
      (await app.call('GET', '/webhooks', { as: SECRETARIAT })).json<{ items: WebhookResponse[] }>().items,
    ).toContainEqual(expect.objectContaining({ id: subscription.id, status: 'active' }));
    expect((await app.call('GET', '/webhooks', { as: OBSERVER })).statusCode).toBe(403);

    const event = await propose('Signed');
    const request = await eventually(() => {
      const found = target.requests.find((r) => titleOf(r) === 'Signed');
      if (found === undefined) throw new Error('not delivered yet');
      return found;
    });
    const verified = new Webhook(subscription.secret).verify(request.body, request.headers) as {
      id: string;
      type: string;
      specversion: string;
    };
    expect(verified).toMatchObject({ id: event.id, type: 'c2c.partnership.proposed.v1', specversion: '1.0' });
    expect(request.headers['content-type']).toContain('application/cloudevents+json');
    expect(request.headers['webhook-id']).toMatch(/^msg_/);
    expect(() =>
      new Webhook('whsec_' + Buffer.from('another secret, 24 bytes!').toString('base64')).verify(
        request.body,
        request.headers,
      ),
    ).toThrow();
    await eventually(async () => expect((await deliveriesOf(subscription.id))[0]?.status).toBe('delivered'));

    // An acceptance is not subscribed: the proposal after it (same key, so after it) arrives alone.
    const data = proposal('Barrier');
    await partnerships.publish('c2c.partnership.accepted.v1', data.partnership.partnershipId, {
      ...data,
      cityId: data.partnership.participants[1]?.cityId ?? randomUUID(),
    });
    await partnerships.publish('c2c.partnership.proposed.v1', data.partnership.partnershipId, data);
    await eventually(() => expect(target.requests.map(titleOf)).toContain('Barrier'));
    expect(target.requests.map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual([
      'c2c.partnership.proposed.v1',
      'c2c.partnership.proposed.v1',
    ]);
  });

  /** This app's `c2c_webhook_deliveries_total` by outcome, from its own /metrics. */
  const attemptsCounted = async (): Promise<Record<string, number>> => {
    const text = (await app.call('GET', '/metrics')).body;
    return Object.fromEntries(
      [...text.matchAll(/^c2c_webhook_deliveries_total\{outcome="(\w+)"\} (\d+)$/gm)].map(([, o, n]) => [
        o,
        Number(n),
      ]),
    );
  };

  it('retries a receiver that is down (503) until it is up, every attempt in the delivery log', async () => {
    const before = await attemptsCounted();
    let calls = 0;
    const target = await receiver(() => (++calls <= 2 ? { status: 503 } : { status: 204 }));
    const subscription = await subscribe(target.url());
    await propose('Down, then up');
    const delivery = await eventually(async () => {
      const [found] = await deliveriesOf(subscription.id);
      expect(found?.status).toBe('delivered');
      return found as DeliveryResponse;
    });
    expect(delivery.attemptLog.map((a) => [a.outcome, a.statusCode])).toEqual([
      ['retry', 503],
      ['retry', 503],
      ['delivered', 204],
    ]);
    expect(delivery.attemptLog.every((a) => a.latencyMs >= 0)).toBe(true);
    // All three attempts carried the same webhook-id: the receiver's idempotency key.
    expect(new Set(target.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    // Each attempt counted by outcome (at least: other tests' receivers may be answered meanwhile).
    const after = await attemptsCounted();
    expect(Object.keys(after).sort()).toEqual(['delivered', 'gone', 'refused', 'rejected', 'retry']);
    expect(after.retry - before.retry).toBeGreaterThanOrEqual(2);
    expect(after.delivered - before.delivered).toBeGreaterThanOrEqual(1);
  });

  it('disables a subscription whose receiver answers 410 Gone, and tells the secretariat', async () => {
    const target = await receiver({ status: 410 });
    const subscription = await subscribe(target.url());
    await propose('Gone');
    await eventually(async () => {
      const listed = (await app.call('GET', '/webhooks', { as: SECRETARIAT })).json<{
        items: WebhookResponse[];
      }>();
      expect(listed.items.find((s) => s.id === subscription.id)).toMatchObject({
        status: 'disabled',
        disabledReason: 'gone',
      });
    });
    await propose('After gone');
    const inbox = await eventually(async () => {
      const page = (
        await app.call('GET', '/notifications', { as: SECRETARIAT })
      ).json<NotificationPageResponse>();
      const subjects = page.items.map((n) => n.subject);
      expect(subjects).toContain(`Webhook disabled: ${subscription.url}`);
      // The later event was consumed too (its delivery was never started: the subscription is disabled).
      expect(subjects).toContain('Partnership proposed: After gone');
      return page;
    });
    expect(inbox.unreadCount).toBeGreaterThan(0);
    expect(target.requests.map(titleOf)).toEqual(['Gone']);
  });

  it('disables a subscription after a long run of failures (here 5 in a row), and tells the secretariat', async () => {
    const target = await receiver({ status: 500 });
    const subscription = await subscribe(target.url());
    await propose('Always failing');
    await eventually(async () => {
      const listed = (await app.call('GET', '/webhooks', { as: SECRETARIAT })).json<{
        items: WebhookResponse[];
      }>();
      expect(listed.items.find((s) => s.id === subscription.id)).toMatchObject({
        status: 'disabled',
        disabledReason: 'consecutive-failures',
        consecutiveFailures: 5,
      });
    });
    expect(target.requests).toHaveLength(5);
    const [delivery] = await deliveriesOf(subscription.id);
    expect(delivery?.attemptLog.map((a) => a.statusCode)).toEqual([500, 500, 500, 500, 500]);
    await eventually(async () => {
      const page = (
        await app.call('GET', '/notifications', { as: SECRETARIAT })
      ).json<NotificationPageResponse>();
      const told = page.items.find((n) => n.subject === `Webhook disabled: ${subscription.url}`);
      expect(told?.body).toContain('5 deliveries in a row failed');
    });
  });

  it('times out a receiver that hangs while another target gets its delivery on time', async () => {
    const hanging = await receiver({ hang: true });
    const fast = await receiver();
    const slow = await subscribe(hanging.url());
    const quick = await subscribe(fast.url());
    await propose('Slow and fast');
    await eventually(() => expect(fast.requests.map(titleOf)).toContain('Slow and fast'));
    // The fast target had it while the hanging one's first attempt was still waiting for an answer.
    expect((await deliveriesOf(slow.id))[0]?.attemptLog).toEqual([]);
    await eventually(() => expect(hanging.requests.map(titleOf)).toEqual(['Slow and fast']));
    const timedOut = await eventually(
      async () => {
        const [found] = await deliveriesOf(slow.id);
        expect(found?.attemptLog[0]?.outcome).toBe('retry');
        return found as DeliveryResponse;
      },
      { timeout: 15_000 },
    );
    expect(timedOut.status).toBe('pending');
    expect((await deliveriesOf(quick.id))[0]?.status).toBe('delivered');
    await app.call('DELETE', `/webhooks/${slow.id}`, { as: SECRETARIAT });
  });

  it('signs with both secrets during a rotation, and redelivers on demand with the same webhook-id', async () => {
    const target = await receiver();
    const subscription = await subscribe(target.url());
    const rotated = await app.call('POST', `/webhooks/${subscription.id}/secret-rotation`, {
      as: SECRETARIAT,
    });
    const { secret, previousSecretExpiresAt } = rotated.json<WebhookWithSecretResponse>();
    expect(secret).not.toBe(subscription.secret);
    expect(previousSecretExpiresAt).not.toBeNull();
    await propose('Rotated');
    const request = await eventually(() => {
      const found = target.requests.find((r) => titleOf(r) === 'Rotated');
      if (found === undefined) throw new Error('not delivered yet');
      return found;
    });
    for (const key of [secret, subscription.secret]) {
      expect(() => new Webhook(key).verify(request.body, request.headers)).not.toThrow();
    }
    const [delivery] = await eventually(async () => {
      const found = await deliveriesOf(subscription.id);
      expect(found[0]?.status).toBe('delivered');
      return found;
    });
    const again = await app.call(
      'POST',
      `/webhooks/${subscription.id}/deliveries/${delivery?.id}/redelivery`,
      {
        as: SECRETARIAT,
      },
    );
    expect(again.statusCode).toBe(202);
    await eventually(() => expect(target.requests.filter((r) => titleOf(r) === 'Rotated')).toHaveLength(2));
    const ids = target.requests.filter((r) => titleOf(r) === 'Rotated').map((r) => r.headers['webhook-id']);
    expect(ids[0]).toBe(ids[1]);
  });

  it('starts no second delivery when the broker delivers the same event again', async () => {
    const target = await receiver();
    await subscribe(target.url());
    const event = await propose('Once only');
    const original = await eventually(() => {
      const found = recorder.messages.find((m) => m.headers.ce_id === event.id);
      if (found === undefined) throw new Error('not on the topic yet');
      return found;
    });
    await eventually(() => expect(target.requests.filter((r) => titleOf(r) === 'Once only')).toHaveLength(1));
    const producer = world.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: world.topic('c2c.partnerships.v1'),
      messages: [{ key: original.key, value: original.value, headers: original.headers }],
    });
    await producer.disconnect();
    const later = proposal('After the duplicate');
    later.partnership.partnershipId = (
      JSON.parse(original.value ?? '{}') as typeof later
    ).partnership.partnershipId;
    await partnerships.publish('c2c.partnership.proposed.v1', later.partnership.partnershipId, later);
    await eventually(() => expect(target.requests.map(titleOf)).toContain('After the duplicate'));
    expect(target.requests.filter((r) => titleOf(r) === 'Once only')).toHaveLength(1);
  });

  it('refuses a cloud metadata target even with private targets allowed', async () => {
    const response = await app.call('POST', '/webhooks', {
      as: SECRETARIAT,
      body: { url: 'http://169.254.169.254/latest/meta-data', eventTypes: ['*'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['url']);
    const unknown = await app.call('POST', '/webhooks', {
      as: SECRETARIAT,
      body: { url: 'https://partners.example.org/hooks', eventTypes: ['c2c.nothing.*'] },
    });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('notifications: webhook targets with private targets refused (the default)', () => {
  let world: ServiceWorld;
  let app: Notifications;
  let target: WebhookReceiver;

  beforeAll(async () => {
    world = await ServiceWorld.create('n-webhooks-strict');
    app = await startNotifications(world, { WEBHOOKS_ALLOW_HTTP: 'true', DELIVERY_INTERVAL_MS: '50' });
    target = await WebhookReceiver.start();
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    await target?.close();
  });

  it('refuses 10.0.0.1 at once, and a name resolving to 127.0.0.1 when delivering, which never reaches it', async () => {
    const literal = await app.call('POST', '/webhooks', {
      as: SECRETARIAT,
      body: { url: 'http://10.0.0.1/hooks', eventTypes: ['*'] },
    });
    expect(literal.statusCode).toBe(400);
    const named = await app.call('POST', '/webhooks', {
      as: SECRETARIAT,
      body: { url: target.url('/hooks', 'localhost'), eventTypes: ['c2c.partnership.*'] },
    });
    expect(named.statusCode).toBe(201);
    const { id } = named.json<WebhookResponse>();
    const publisher = await world.publisherFor('partnerships');
    const data = proposal('Private');
    await publisher.publish('c2c.partnership.proposed.v1', data.partnership.partnershipId, data);
    const delivery = await eventually(async () => {
      const [found] = (await app.call('GET', `/webhooks/${id}/deliveries`, { as: SECRETARIAT })).json<
        Page<DeliveryResponse>
      >().items;
      expect(found?.status).toBe('failed');
      return found as DeliveryResponse;
    });
    expect(delivery.attemptLog[0]).toMatchObject({ outcome: 'refused', statusCode: null });
    expect(delivery.attemptLog[0]?.error).toContain('127.0.0.1');
    expect(target.requests).toEqual([]);
  });
});
