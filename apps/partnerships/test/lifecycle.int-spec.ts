import { randomUUID } from 'node:crypto';
import { validateEventData, EventType } from '@c2c/contracts';
import { Page } from '@c2c/platform';
import { ServiceWorld } from '@c2c/service/testing';
import { eventually, TopicRecorder } from '@c2c/testing';
import { buildApiDocument } from '../src/api-docs';
import type { ActivityResponse } from '../src/partnerships/dto/activity-response.dto';
import type { HistoryEntryResponse } from '../src/partnerships/dto/history-entry-response.dto';
import type { PartnershipResponse } from '../src/partnerships/dto/partnership-response.dto';
import {
  Api,
  BestPracticePublisher,
  citiesKnown,
  CityPublisher,
  OBSERVER,
  officerOf,
  Partnerships,
  practiceKnown,
  proposalBetween,
  startPartnerships,
} from './support/partnerships';

describe('partnerships: the lifecycle through HTTP, PostgreSQL and Kafka', () => {
  let world: ServiceWorld;
  let app: Partnerships;
  let events: TopicRecorder;
  let surabaya: string;
  let kitakyushu: string;
  let daNang: string;
  let bangkok: string;
  let practices: BestPracticePublisher;
  let secretariat: Api;
  const officer = (cityId: string, userId?: string) => new Api(app, officerOf(cityId, userId));

  /** The events of one partnership as they reached the broker, in partition order. */
  const eventsOf = (id: string) =>
    events.messages.filter((m) => m.key === id).map((m) => `${m.headers.ce_sequence}:${m.headers.ce_type}`);

  beforeAll(async () => {
    world = await ServiceWorld.create('p-lifecycle');
    app = await startPartnerships(world);
    const cities = await CityPublisher.open(world);
    surabaya = await cities.register({ name: 'Surabaya', countryCode: 'ID' });
    kitakyushu = await cities.register({ name: 'Kitakyushu', countryCode: 'JP' });
    daNang = await cities.register({ name: 'Da Nang', countryCode: 'VN' });
    bangkok = await cities.register({ name: 'Bangkok', countryCode: 'TH', level: 'metropolitan-city' });
    await citiesKnown(app, [surabaya, kitakyushu, daNang, bangkok]);
    practices = await BestPracticePublisher.open(world);
    secretariat = new Api(app);
    events = await world.record('c2c.partnerships.v1');
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('runs a sister-city partnership from proposal to termination, with history and events', async () => {
    const surabayaOfficer = randomUUID();
    const fromSurabaya = officer(surabaya, surabayaOfficer);
    const proposed = await fromSurabaya.post('/partnerships', proposalBetween(surabaya, [kitakyushu]));
    expect(proposed.status).toBe(201);
    const id = proposed.body.id;
    expect(proposed.location).toBe(`/partnerships/${id}`);
    expect(proposed.body).toMatchObject({ status: 'proposed', proposerCityId: surabaya });
    expect(proposed.body.participants.map((p) => [p.name, p.role, p.acceptedAt !== null])).toEqual([
      ['Surabaya', 'proposer', true],
      ['Kitakyushu', 'partner', false],
    ]);

    // A city officer acts only for its own city.
    const fromDaNang = officer(daNang);
    expect((await fromDaNang.post(`/partnerships/${id}/acceptances`, { cityId: kitakyushu })).status).toBe(
      403,
    );
    expect((await fromDaNang.post(`/partnerships/${id}/suspension`, { reason: 'not mine' })).status).toBe(
      403,
    );

    const fromKitakyushu = officer(kitakyushu);
    const accepted = await fromKitakyushu.post(`/partnerships/${id}/acceptances`, { cityId: kitakyushu });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('active');
    expect(accepted.body.activatedAt).not.toBeNull();

    const bestPracticeId = await practices.published(kitakyushu);
    await practiceKnown(app, bestPracticeId, 'published');
    const activity = await fromKitakyushu.post<ActivityResponse>(`/partnerships/${id}/activities`, {
      kind: 'practice-transfer',
      title: 'Takakura home composting in Surabaya',
      startDate: '2026-09-07',
      endDate: '2026-09-11',
      participatingCityIds: [kitakyushu, surabaya],
      outcomes: 'Forty community facilitators trained.',
      practiceTransfer: { bestPracticeId, sourceCityId: kitakyushu, adoptingCityId: surabaya },
    });
    expect(activity.status).toBe(201);
    expect(activity.body).toMatchObject({ kind: 'practice-transfer', practiceTransfer: { bestPracticeId } });

    expect(
      (await fromSurabaya.post(`/partnerships/${id}/suspension`, { reason: 'council elections' })).body
        .status,
    ).toBe('suspended');
    expect(
      (await fromKitakyushu.post(`/partnerships/${id}/resumption`, { reason: 'new council agreed' })).body
        .status,
    ).toBe('active');
    const terminated = await secretariat.post(`/partnerships/${id}/termination`, {
      reason: 'superseded by a network',
    });
    expect(terminated.body).toMatchObject({ status: 'terminated', lastActivityOn: '2026-09-11' });

    const history = await secretariat.get<Page<HistoryEntryResponse>>(`/partnerships/${id}/history`);
    expect(history.body.items.map((h) => [h.action, h.fromStatus, h.toStatus])).toEqual([
      ['proposed', null, 'proposed'],
      ['accepted', 'proposed', 'proposed'],
      ['activated', 'proposed', 'active'],
      ['activity-recorded', 'active', 'active'],
      ['suspended', 'active', 'suspended'],
      ['resumed', 'suspended', 'active'],
      ['terminated', 'active', 'terminated'],
    ]);
    expect(history.body.items[0]).toMatchObject({ actorId: surabayaOfficer, cityId: surabaya });
    expect(history.body.items[4]).toMatchObject({ reason: 'council elections', cityId: surabaya });

    await eventually(() =>
      expect(eventsOf(id)).toEqual([
        '1:c2c.partnership.proposed.v1',
        '2:c2c.partnership.accepted.v1',
        '3:c2c.partnership.activated.v1',
        '4:c2c.partnership.activity-recorded.v1',
        '5:c2c.partnership.suspended.v1',
        '6:c2c.partnership.resumed.v1',
        '7:c2c.partnership.terminated.v1',
      ]),
    );
    const mine = events.messages.filter((m) => m.key === id);
    for (const message of mine) {
      expect(message.headers).toMatchObject({
        ce_source: '/c2c/partnerships',
        ce_subject: id,
        'content-type': 'application/json',
      });
      const validation = validateEventData(
        message.headers.ce_type as EventType,
        JSON.parse(message.value ?? 'null'),
      );
      expect(validation.ok).toBe(true);
    }
    // Each history row names the event that announced it.
    expect(history.body.items.map((h) => h.eventId)).toEqual(mine.map((m) => m.headers.ce_id));
    const acceptedEvent = JSON.parse(mine[1]?.value ?? '{}') as {
      partnership: { status: string };
      cityId: string;
    };
    expect(acceptedEvent).toMatchObject({ cityId: kitakyushu, partnership: { status: 'proposed' } });
  });

  it('activates a three-city multilateral network only when the last partner accepts', async () => {
    const proposal = proposalBetween(daNang, [surabaya, kitakyushu], {
      type: 'multilateral-network',
      title: 'Asian Coastal Resilience Network',
      cooperationAreas: ['disaster-risk-reduction', 'environment-and-climate'],
    });
    const proposed = await officer(daNang).post('/partnerships', proposal);
    expect(proposed.status).toBe(201);
    const id = proposed.body.id;
    expect(proposed.body.participants.map((p) => p.countryCode)).toEqual(['VN', 'ID', 'JP']);

    const first = await officer(surabaya).post(`/partnerships/${id}/acceptances`, { cityId: surabaya });
    expect(first.body.status).toBe('proposed');
    const last = await secretariat.post(`/partnerships/${id}/acceptances`, { cityId: kitakyushu });
    expect(last.body.status).toBe('active');
    expect(last.body.participants.every((p) => p.acceptedAt !== null)).toBe(true);

    await eventually(() =>
      expect(eventsOf(id)).toEqual([
        '1:c2c.partnership.proposed.v1',
        '2:c2c.partnership.accepted.v1',
        '3:c2c.partnership.accepted.v1',
        '4:c2c.partnership.activated.v1',
      ]),
    );
  });

  it('ends a proposal when a partner declines or the proposer withdraws', async () => {
    const declined = await secretariat.post('/partnerships', proposalBetween(bangkok, [daNang]));
    const decline = await officer(daNang).post(`/partnerships/${declined.body.id}/declines`, {
      cityId: daNang,
      reason: 'no budget this year',
    });
    expect(decline.body.status).toBe('declined');

    const withdrawn = await officer(bangkok).post('/partnerships', proposalBetween(bangkok, [surabaya]));
    // Only the proposer withdraws.
    const byPartner = await officer(surabaya).problem(`/partnerships/${withdrawn.body.id}/withdrawal`, {
      reason: 'x',
    });
    expect(byPartner.status).toBe(403);
    const withdraw = await officer(bangkok).post(`/partnerships/${withdrawn.body.id}/withdrawal`, {
      reason: 'superseded',
    });
    expect(withdraw.body.status).toBe('withdrawn');
  });

  it('answers an invalid transition with a 409 problem naming the current state', async () => {
    const proposed = await secretariat.post('/partnerships', proposalBetween(surabaya, [bangkok]));
    const id = proposed.body.id;
    const resume = await secretariat.problem(`/partnerships/${id}/resumption`, { reason: 'never suspended' });
    expect(resume.status).toBe(409);
    expect(resume.contentType).toMatch(/^application\/problem\+json/);
    expect(resume.body).toMatchObject({
      type: 'https://c2c.asianmayorsforum.org/problems/invalid-transition',
      currentStatus: 'proposed',
      allowedTransitions: ['activate', 'decline', 'withdraw'],
    });
    const activity = await secretariat.problem(`/partnerships/${id}/activities`, {
      kind: 'peer-exchange',
      title: 'Too early',
      startDate: '2026-05-01',
      participatingCityIds: [surabaya],
    });
    expect(activity.status).toBe(409);

    await secretariat.post(`/partnerships/${id}/acceptances`, { cityId: bangkok });
    const twice = await secretariat.problem(`/partnerships/${id}/acceptances`, { cityId: bangkok });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ currentStatus: 'active' });

    await secretariat.post(`/partnerships/${id}/termination`, { reason: 'done' });
    for (const action of ['suspension', 'resumption', 'termination', 'withdrawal']) {
      const refused = await secretariat.problem(`/partnerships/${id}/${action}`, { reason: 'again' });
      expect([action, refused.status, refused.body.currentStatus]).toEqual([action, 409, 'terminated']);
    }
    expect(
      (await secretariat.problem(`/partnerships/${randomUUID()}/suspension`, { reason: 'x' })).status,
    ).toBe(404);
  });

  it('sends the ETag W/"<version>" with every answer naming one partnership', async () => {
    const proposed = await secretariat.post('/partnerships', proposalBetween(bangkok, [kitakyushu]));
    expect([proposed.status, proposed.etag]).toEqual([201, 'W/"1"']);
    const id = proposed.body.id;
    expect((await secretariat.get(`/partnerships/${id}`)).etag).toBe('W/"1"');
    const accepted = await secretariat.post(`/partnerships/${id}/acceptances`, { cityId: kitakyushu });
    expect([accepted.etag, accepted.body.version]).toEqual(['W/"2"', 2]);
    const activity = await secretariat.post<ActivityResponse>(`/partnerships/${id}/activities`, {
      kind: 'training-workshop',
      title: 'Port logistics workshop',
      startDate: '2026-06-01',
      participatingCityIds: [bangkok, kitakyushu],
    });
    // The activity's answer carries the partnership's new version, so changes can be chained.
    expect([activity.status, activity.etag]).toEqual([201, 'W/"3"']);
    for (const [action, version] of [
      ['suspension', 4],
      ['resumption', 5],
      ['termination', 6],
    ] as const) {
      const changed = await secretariat.post(`/partnerships/${id}/${action}`, { reason: action });
      expect([action, changed.etag, changed.body.version]).toEqual([action, `W/"${version}"`, version]);
    }
    const declined = await secretariat.post('/partnerships', proposalBetween(bangkok, [daNang]));
    const decline = await secretariat.post(`/partnerships/${declined.body.id}/declines`, { cityId: daNang });
    expect(decline.etag).toBe('W/"2"');
    const withdrawn = await secretariat.post('/partnerships', proposalBetween(bangkok, [daNang]));
    const withdraw = await secretariat.post(`/partnerships/${withdrawn.body.id}/withdrawal`, { reason: 'x' });
    expect(withdraw.etag).toBe('W/"2"');
  });

  it('honours If-Match on every command: the current version applies, a stale one is a 412 with the current ETag', async () => {
    const stale = { 'if-match': 'W/"1"' };
    const expectStale = async (path: string, body: object, current: number) => {
      const refused = await secretariat.problem(path, body, stale);
      expect([path, refused.status, refused.etag]).toEqual([path, 412, `W/"${current}"`]);
      expect(refused.contentType).toMatch(/^application\/problem\+json/);
      expect(refused.body.type).toBe('https://c2c.asianmayorsforum.org/problems/precondition-failed');
    };

    const proposed = await secretariat.post('/partnerships', proposalBetween(daNang, [bangkok, surabaya]));
    const id = proposed.body.id;
    const first = await secretariat.post(
      `/partnerships/${id}/acceptances`,
      { cityId: bangkok },
      { 'if-match': proposed.etag ?? '' },
    );
    expect([first.status, first.etag]).toEqual([200, 'W/"2"']);
    await expectStale(`/partnerships/${id}/acceptances`, { cityId: surabaya }, 2);
    await expectStale(`/partnerships/${id}/declines`, { cityId: surabaya }, 2);
    await expectStale(`/partnerships/${id}/withdrawal`, { reason: 'stale' }, 2);
    // A refused precondition changes nothing.
    expect((await secretariat.get(`/partnerships/${id}`)).body).toMatchObject({
      status: 'proposed',
      version: 2,
    });

    const last = await secretariat.post(
      `/partnerships/${id}/acceptances`,
      { cityId: surabaya },
      { 'if-match': first.etag ?? '' },
    );
    expect([last.status, last.body.status, last.etag]).toEqual([200, 'active', 'W/"3"']);
    await expectStale(`/partnerships/${id}/suspension`, { reason: 'stale' }, 3);
    await expectStale(`/partnerships/${id}/termination`, { reason: 'stale' }, 3);
    await expectStale(
      `/partnerships/${id}/activities`,
      { kind: 'peer-exchange', title: 'Stale', startDate: '2026-05-01', participatingCityIds: [daNang] },
      3,
    );
    const suspended = await secretariat.post(
      `/partnerships/${id}/suspension`,
      { reason: 'audit' },
      { 'if-match': '*' },
    );
    expect(suspended.etag).toBe('W/"4"');
    await expectStale(`/partnerships/${id}/resumption`, { reason: 'stale' }, 4);
    const history = await secretariat.get<Page<HistoryEntryResponse>>(`/partnerships/${id}/history`);
    expect(history.body.items.map((h) => h.action)).toEqual([
      'proposed',
      'accepted',
      'accepted',
      'activated',
      'suspended',
    ]);
  });

  it('lists with filters and cursor pagination; ?cityId= is a city dossier', async () => {
    const all: PartnershipResponse[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/partnerships?cityId=${surabaya}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await secretariat.get<Page<PartnershipResponse>>(query);
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    expect(all.every((p) => p.participants.some((c) => c.cityId === surabaya))).toBe(true);

    const active = await secretariat.get<Page<PartnershipResponse>>(
      '/partnerships?status=active&type=multilateral-network',
    );
    expect(active.body.items.map((p) => p.title)).toContain('Asian Coastal Resilience Network');
    expect(active.body.items.every((p) => p.status === 'active' && p.type === 'multilateral-network')).toBe(
      true,
    );

    const bad = await secretariat.get('/partnerships?status=dormant&cursor=not-ours');
    expect(bad.status).toBe(400);
  });

  it('documents every route in its OpenAPI document', () => {
    const paths = buildApiDocument(app.app).paths;
    expect(Object.keys(paths).sort()).toEqual([
      '/partnerships',
      '/partnerships/{id}',
      '/partnerships/{id}/acceptances',
      '/partnerships/{id}/activities',
      '/partnerships/{id}/declines',
      '/partnerships/{id}/history',
      '/partnerships/{id}/resumption',
      '/partnerships/{id}/suspension',
      '/partnerships/{id}/termination',
      '/partnerships/{id}/withdrawal',
    ]);
    expect(Object.keys(paths['/partnerships'] ?? {}).sort()).toEqual(['get', 'post']);
  });

  it('needs a token; observers read but do not write', async () => {
    expect((await new Api(app, 'anonymous').get('/partnerships')).status).toBe(401);
    const observer = new Api(app, OBSERVER);
    expect((await observer.get('/partnerships')).status).toBe(200);
    expect((await observer.post('/partnerships', proposalBetween(surabaya, [daNang]))).status).toBe(403);
  });
});
