import { randomUUID } from 'node:crypto';
import type { EventData } from '@c2c/contracts';
import { citiesKnown, CityPublisher } from '@c2c/city-model/testing';
import { ServiceWorld, type TestPublisher } from '@c2c/service/testing';
import { eventually, type TopicRecorder } from '@c2c/testing';
import type { NotificationPageResponse, NotificationResponse } from '../src/inbox/dto/notification.dto';
import { SendDueEmails } from '../src/email/send-due-emails.usecase';
import {
  cityOfficerOf,
  commissionOfficerOf,
  type Notifications,
  OBSERVER,
  SECRETARIAT,
  startNotifications,
} from './support/notifications';
import { SmtpCapture } from './support/smtp-capture';
import type { TestCaller } from '@c2c/auth/testing';

const FIRST = 'c0000000-0000-4000-8000-000000000001';
const SECOND = 'c0000000-0000-4000-8000-000000000002';
const MAILBOX = 'secretariat@forum.example.org';

describe('notifications: the inbox of each audience, and e-mail through a real SMTP server', () => {
  let world: ServiceWorld;
  let app: Notifications;
  let smtp: SmtpCapture;
  let partnerships: TestPublisher;
  let commissions: TestPublisher;
  let recorder: TopicRecorder;
  let surabaya: string;
  let kitakyushu: string;
  let hue: string;

  beforeAll(async () => {
    world = await ServiceWorld.create('n-inbox');
    smtp = await SmtpCapture.start();
    app = await startNotifications(world, {
      ...smtp.env(),
      SECRETARIAT_EMAIL: MAILBOX,
      DELIVERY_INTERVAL_MS: '100',
      DELIVERY_RETRY_BASE_MS: '50',
      DELIVERY_RETRY_CAP_MS: '200',
    });
    const cities = await CityPublisher.open(world);
    surabaya = await cities.register({ name: 'Surabaya', countryCode: 'ID' });
    kitakyushu = await cities.register({ name: 'Kitakyushu', countryCode: 'JP' });
    hue = await cities.register({ name: 'Hue', countryCode: 'VN' });
    await citiesKnown(app, [surabaya, kitakyushu, hue]);
    partnerships = await world.publisherFor('partnerships');
    commissions = await world.publisherFor('commissions');
    recorder = await world.record('c2c.partnerships.v1');
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    await smtp?.stop();
  });

  const inboxOf = async (caller: TestCaller, query = '') => {
    const response = await app.call('GET', `/notifications${query}`, { as: caller });
    expect(response.statusCode).toBe(200);
    return response.json<NotificationPageResponse>();
  };
  const proposal = (title: string): EventData<'c2c.partnership.proposed.v1'> => ({
    partnership: {
      partnershipId: randomUUID(),
      type: 'sister-city',
      title,
      status: 'proposed',
      participants: [
        { cityId: surabaya, name: 'Surabaya', countryCode: 'ID', role: 'proposer', acceptedAt: null },
        { cityId: kitakyushu, name: 'Kitakyushu', countryCode: 'JP', role: 'partner', acceptedAt: null },
      ],
      cooperationAreas: ['environment-and-climate'],
      sdgTags: [],
      startDate: null,
      endDate: null,
    },
  });

  it('tells the cities involved and the secretariat of a proposal, and no one else', async () => {
    const data = proposal('Green Sister Cities');
    await partnerships.publish('c2c.partnership.proposed.v1', data.partnership.partnershipId, data);
    const surabayaOfficer = cityOfficerOf(surabaya);
    const entries = await eventually(async () => {
      const page = await inboxOf(surabayaOfficer);
      expect(page.items.map((n) => n.subject)).toContain('Partnership proposed: Green Sister Cities');
      return page;
    });
    const entry = entries.items.find((n) =>
      n.subject.includes('Green Sister Cities'),
    ) as NotificationResponse;
    expect(entry).toMatchObject({
      type: 'c2c.partnership.proposed.v1',
      audience: `city:${surabaya}`,
      readAt: null,
    });
    expect(entry.body).toContain('between Surabaya and Kitakyushu');

    for (const caller of [cityOfficerOf(kitakyushu), SECRETARIAT]) {
      expect((await inboxOf(caller)).items.map((n) => n.subject)).toContain(
        'Partnership proposed: Green Sister Cities',
      );
    }
    for (const caller of [cityOfficerOf(hue), OBSERVER, commissionOfficerOf(FIRST)]) {
      expect((await inboxOf(caller)).items.map((n) => n.subject)).not.toContain(
        'Partnership proposed: Green Sister Cities',
      );
    }

    const mail = await eventually(() => {
      const found = smtp.to(MAILBOX).find((m) => m.subject === 'Partnership proposed: Green Sister Cities');
      if (found === undefined) throw new Error('not at the SMTP server yet');
      return found;
    });
    expect(mail.recipients).toEqual([MAILBOX]);
    expect(mail.text).toContain('A sister-city partnership between Surabaya and Kitakyushu was proposed.');
    expect(mail.html).toContain(
      '<p>A sister-city partnership between Surabaya and Kitakyushu was proposed.</p>',
    );
  });

  it('keeps read state per user: one officer reading leaves another unread; read-all reads the rest', async () => {
    const data = proposal('Read state');
    await partnerships.publish('c2c.partnership.proposed.v1', data.partnership.partnershipId, data);
    const first = { ...cityOfficerOf(surabaya), userId: randomUUID() };
    const second = { ...cityOfficerOf(surabaya), userId: randomUUID() };
    const entry = await eventually(async () => {
      const found = (await inboxOf(first)).items.find((n) => n.subject.endsWith('Read state'));
      if (found === undefined) throw new Error('not in the inbox yet');
      return found;
    });
    const before = (await inboxOf(second)).unreadCount;
    const read = await app.call('POST', `/notifications/${entry.id}/read`, { as: first });
    expect(read.statusCode).toBe(200);
    expect(read.json<NotificationResponse>().readAt).not.toBeNull();
    expect((await inboxOf(first)).unreadCount).toBe(before - 1);
    expect((await inboxOf(second)).unreadCount).toBe(before);
    // Unread first: the read entry now comes after every unread one.
    const items = (await inboxOf(first)).items;
    expect(items.at(-1)?.id).toBe(entry.id);

    const foreign = await app.call('POST', `/notifications/${entry.id}/read`, { as: cityOfficerOf(hue) });
    expect(foreign.statusCode).toBe(404);
    const all = await app.call('POST', '/notifications/read-all', { as: second });
    expect(all.json<{ marked: number }>().marked).toBe(before);
    expect((await inboxOf(second)).unreadCount).toBe(0);
  });

  it("reaches a commission's member cities and officers, as admitted over the commissions topic", async () => {
    await commissions.publish('c2c.commission.member-admitted.v1', FIRST, {
      commissionId: FIRST,
      requestId: randomUUID(),
      cityId: hue,
      role: 'member',
      since: '2026-06-01',
    });
    await commissions.publish('c2c.commission.meeting-scheduled.v1', FIRST, {
      commissionId: FIRST,
      meetingId: randomUUID(),
      title: 'Third meeting, Hue',
      startsAt: '2026-11-03T02:00:00Z',
      timeZone: 'Asia/Ho_Chi_Minh',
      hostCityId: hue,
      agenda: [],
    });
    const subject = 'Meeting scheduled: Third meeting, Hue';
    await eventually(async () => {
      expect((await inboxOf(cityOfficerOf(hue))).items.map((n) => n.subject)).toContain(subject);
    });
    expect((await inboxOf(commissionOfficerOf(FIRST))).items.map((n) => n.subject)).toContain(subject);
    expect((await inboxOf(commissionOfficerOf(SECOND))).items.map((n) => n.subject)).not.toContain(subject);
    expect((await inboxOf(cityOfficerOf(surabaya))).items.map((n) => n.subject)).not.toContain(subject);
    const filtered = await inboxOf(cityOfficerOf(hue), '?type=c2c.commission.meeting-scheduled.v1');
    expect(filtered.items.map((n) => n.type)).toEqual(['c2c.commission.meeting-scheduled.v1']);
  });

  it('keeps an e-mail while the SMTP server fails, and sends it once the server is back', async () => {
    smtp.failing = true;
    const data = proposal('While the server was down');
    await partnerships.publish('c2c.partnership.proposed.v1', data.partnership.partnershipId, data);
    await eventually(() => expect(smtp.rejected).toBeGreaterThanOrEqual(2), { timeout: 20_000 });
    smtp.failing = false;
    const arrived = await eventually(
      () => {
        const found = smtp.to(MAILBOX).filter((m) => m.subject.endsWith('While the server was down'));
        expect(found).toHaveLength(1);
        return found;
      },
      { timeout: 20_000 },
    );
    expect(arrived[0]?.messageId).toMatch(/@notifications\.c2c>$/);
  });

  it('tells nothing twice when the broker delivers the same event again', async () => {
    const data = proposal('Delivered twice');
    const envelope = await partnerships.publish(
      'c2c.partnership.proposed.v1',
      data.partnership.partnershipId,
      data,
    );
    const original = await eventually(() => {
      const found = recorder.messages.find((m) => m.headers.ce_id === envelope.id);
      if (found === undefined) throw new Error('not on the topic yet');
      return found;
    });
    await eventually(() =>
      expect(smtp.to(MAILBOX).filter((m) => m.subject.endsWith('Delivered twice'))).toHaveLength(1),
    );
    // The same record again, as a producer retry or a replay would put it on the topic.
    const producer = world.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: world.topic('c2c.partnerships.v1'),
      messages: [{ key: original.key, value: original.value, headers: original.headers }],
    });
    await producer.disconnect();
    // A later event on the same partition (same key) shows the duplicate was consumed before it.
    const later = { ...data, partnership: { ...data.partnership, title: 'After the duplicate' } };
    await partnerships.publish('c2c.partnership.proposed.v1', data.partnership.partnershipId, later);
    await eventually(() =>
      expect(smtp.to(MAILBOX).filter((m) => m.subject.endsWith('After the duplicate'))).toHaveLength(1),
    );
    await app.get(SendDueEmails).run();
    expect(smtp.to(MAILBOX).filter((m) => m.subject.endsWith('Delivered twice'))).toHaveLength(1);
    const inbox = await inboxOf(SECRETARIAT, '?limit=100');
    expect(inbox.items.filter((n) => n.subject.endsWith('Delivered twice'))).toHaveLength(1);
  });

  it("e-mails the cities' contact officers, as the latest city event lists them", async () => {
    const cities = await CityPublisher.open(world);
    const busan = await cities.register({
      name: 'Busan',
      countryCode: 'KR',
      contactOfficers: [
        { name: 'Min-jun Kim', role: 'International Relations', email: 'ir@busan.example.org' },
      ],
    });
    const da = await cities.register({ name: 'Da Nang', countryCode: 'VN' });
    await citiesKnown(app, [busan, da]);
    const between = (title: string): EventData<'c2c.partnership.proposed.v1'> => {
      const data = proposal(title);
      data.partnership.participants = [
        { cityId: busan, name: 'Busan', countryCode: 'KR', role: 'proposer', acceptedAt: null },
        { cityId: da, name: 'Da Nang', countryCode: 'VN', role: 'partner', acceptedAt: null },
      ];
      return data;
    };
    const first = between('Busan and Da Nang');
    await partnerships.publish('c2c.partnership.proposed.v1', first.partnership.partnershipId, first);
    const mail = await eventually(() => {
      const found = smtp.to('ir@busan.example.org').find((m) => m.subject.endsWith('Busan and Da Nang'));
      if (found === undefined) throw new Error('not at the SMTP server yet');
      return found;
    });
    // One e-mail per recipient: the officer's does not name the secretariat's mailbox, nor the reverse.
    expect(mail.recipients).toEqual(['ir@busan.example.org']);
    await eventually(() =>
      expect(smtp.to(MAILBOX).filter((m) => m.subject.endsWith('Busan and Da Nang'))).toHaveLength(1),
    );

    await cities.updateProfile(busan, {
      contactOfficers: [{ name: 'Seo-yeon Park', email: 'partners@busan.example.org' }],
    });
    await eventually(async () => {
      const [row] = await world.sql<{ officers: { email: string }[] }>(
        'select officers from notifications.city_contacts where city_id = $1',
        [busan],
      );
      expect(row?.officers.map((o) => o.email)).toEqual(['partners@busan.example.org']);
    });
    const second = between('Busan and Da Nang, again');
    await partnerships.publish('c2c.partnership.proposed.v1', second.partnership.partnershipId, second);
    await eventually(() =>
      expect(smtp.to('partners@busan.example.org').filter((m) => m.subject.endsWith('again'))).toHaveLength(
        1,
      ),
    );
    expect(smtp.to('ir@busan.example.org').filter((m) => m.subject.endsWith('again'))).toEqual([]);
  });
});
