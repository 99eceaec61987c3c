import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceWorld } from '@c2c/service/testing';
import { eventually } from '@c2c/testing';
import { GatewayHarness, LateTargetProxy } from '@c2c/gateway-app/testing';
import { CityModel } from '@c2c/partnerships-app';
import { Webhook } from 'standardwebhooks';
import { WebhookReceiver } from '@c2c/notifications-app/testing';
import { CITIES, NOTIFICATIONS, PARTNERSHIPS } from './support/services';

interface Notification {
  subject: string;
  audience: string;
  readAt: string | null;
}

/**
 * What the platform tells people, as they meet it: every call through the real gateway, a partnership
 * proposed through it, the notifications service learning of it over the broker only.
 */
describe('notifications through the gateway, with the real cities, partnerships and notifications services', () => {
  let world: ServiceWorld;
  let jwks: LateTargetProxy;
  let gateway: GatewayHarness;
  let partnerships: NestFastifyApplication;
  let receiver: WebhookReceiver;
  let admin: string;

  beforeAll(async () => {
    world = await ServiceWorld.create('notifications_e2e');
    await world.ensureTopics('c2c.cities.v1', 'c2c.partnerships.v1', 'c2c.commissions.v1');
    jwks = await LateTargetProxy.start();
    const trustTheGateway = { AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json` };
    const cities = (await world.start(CITIES, trustTheGateway)).app;
    partnerships = (await world.start(PARTNERSHIPS, { ...trustTheGateway, DETECTION_INTERVAL_MS: '0' })).app;
    const notifications = (
      await world.start(NOTIFICATIONS, {
        ...trustTheGateway,
        DELIVERY_INTERVAL_MS: '100',
        WEBHOOKS_ALLOW_HTTP: 'true',
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      })
    ).app;
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
    receiver = await WebhookReceiver.start();
  }, 180_000);

  afterAll(async () => {
    await world?.close();
    await jwks?.close();
    await receiver?.close();
  });

  const call = <T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown) =>
    gateway.call<T>(method, `/api/v1${path}`, { token, body });

  it('a proposal through the gateway reaches the inbox of the cities involved and a signed webhook', async () => {
    const hook = await call<{ id: string; secret: string }>(admin, 'POST', '/webhooks', {
      url: receiver.url(),
      eventTypes: ['c2c.partnership.*'],
    });
    expect(hook.status).toBe(201);
    const observer = (await gateway.user('observer', {}, admin)).token;
    expect(
      (await call(observer, 'POST', '/webhooks', { url: receiver.url(), eventTypes: ['*'] })).status,
    ).toBe(403);

    const city = async (name: string, countryCode: string) =>
      (
        await call<{ id: string }>(admin, 'POST', '/cities', {
          name,
          countryCode,
          level: 'metropolitan-city',
        })
      ).body.id;
    const surabaya = await city('Surabaya', 'ID');
    const kitakyushu = await city('Kitakyushu', 'JP');
    const hue = await city('Hue', 'VN');
    await eventually(
      async () => expect((await partnerships.get(CityModel).lookup([surabaya, kitakyushu])).size).toBe(2),
      { timeout: 30_000 },
    );
    const proposed = await call<{ id: string }>(admin, 'POST', '/partnerships', {
      type: 'sister-city',
      title: 'Surabaya–Kitakyushu Green Sister City',
      proposerCityId: surabaya,
      participantCityIds: [kitakyushu],
      cooperationAreas: ['environment-and-climate'],
    });
    expect(proposed.status).toBe(201);

    const officer = (await gateway.user('city-officer', { cityId: kitakyushu }, admin)).token;
    const subject = 'Partnership proposed: Surabaya–Kitakyushu Green Sister City';
    const inbox = await eventually(
      async () => {
        const page = await call<{ items: Notification[]; unreadCount: number }>(
          officer,
          'GET',
          '/notifications',
        );
        expect(page.body.items.map((n) => n.subject)).toContain(subject);
        return page.body;
      },
      { timeout: 30_000 },
    );
    expect(inbox.items.find((n) => n.subject === subject)).toMatchObject({
      audience: `city:${kitakyushu}`,
      readAt: null,
    });
    const stranger = (await gateway.user('city-officer', { cityId: hue }, admin)).token;
    const theirs = await call<{ items: Notification[] }>(stranger, 'GET', '/notifications');
    expect(theirs.body.items.map((n) => n.subject)).not.toContain(subject);
    const readAll = await call<{ marked: number }>(officer, 'POST', '/notifications/read-all');
    expect(readAll.body.marked).toBe(inbox.unreadCount);

    const request = await eventually(() => {
      const found = receiver.requests.find((r) => r.body.includes('"c2c.partnership.proposed.v1"'));
      if (found === undefined) throw new Error('not delivered yet');
      return found;
    });
    expect(new Webhook(hook.body.secret).verify(request.body, request.headers)).toMatchObject({
      type: 'c2c.partnership.proposed.v1',
      subject: proposed.body.id,
    });
  });
});
