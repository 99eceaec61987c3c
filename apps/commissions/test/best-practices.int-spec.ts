import type { EventData } from '@c2c/contracts';
import { randomUUID } from 'node:crypto';
import type { Page, ProblemDetails } from '@c2c/platform';
import { ServiceWorld, type TestPublisher } from '@c2c/service/testing';
import { eventually, type TopicRecorder } from '@c2c/testing';
import type {
  BestPracticePageResponse,
  BestPracticeResponse,
  PracticeCatalogueResponse,
} from '../src/best-practices/dto/best-practice.dto';
import {
  Api,
  citiesKnown,
  CityPublisher,
  cityOfficerOf,
  commissionOfficerOf,
  FIRST,
  OBSERVER,
  SECOND,
  startCommissions,
  type Commissions,
} from './support/commissions';

type Fields = ProblemDetails & { errors?: { field: string }[] };

const content = (overrides: Record<string, unknown> = {}) => ({
  title: 'Takakura home composting',
  problem: 'Organic kitchen waste was half of what the city incinerated.',
  solution: 'Households compost in ventilated baskets seeded with fermented rice bran.',
  results: 'Household waste fell by a fifth in five years.',
  lessons: 'Train community facilitators before handing out baskets.',
  contact: {
    name: 'Aiko Tanaka',
    role: 'Environment Bureau',
    email: 'aiko@example.org',
    phone: '+81 93 000',
  },
  challenges: ['environment', 'urbanization'],
  sdgs: [11, 12],
  cooperationAreas: ['environment-and-climate'],
  ...overrides,
});

describe('commissions: the best-practice library', () => {
  let world: ServiceWorld;
  let app: Commissions;
  let events: TopicRecorder;
  let partnerships: TestPublisher;
  let kitakyushu: string;
  let surabaya: string;
  let archived: string;
  let officer: Api;
  let reviewer: Api;

  beforeAll(async () => {
    world = await ServiceWorld.create('c-practices');
    app = await startCommissions(world);
    const cities = await CityPublisher.open(world);
    kitakyushu = await cities.register({ name: 'Kitakyushu', countryCode: 'JP' });
    surabaya = await cities.register({ name: 'Surabaya', countryCode: 'ID' });
    archived = await cities.register({ name: 'Old Town', countryCode: 'KR' });
    await cities.archive(archived, 'Old Town', 'KR');
    await citiesKnown(app, [kitakyushu, surabaya]);
    await citiesKnown(app, [archived], true);
    partnerships = await world.publisherFor('partnerships');
    events = await world.record('c2c.commissions.v1');
    officer = new Api(app, cityOfficerOf(kitakyushu));
    reviewer = new Api(app, commissionOfficerOf(FIRST));
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  const submitted = async (overrides: Record<string, unknown> = {}) => {
    const reply = await officer.post<BestPracticeResponse>('/best-practices', {
      cityId: kitakyushu,
      ...content(overrides),
    });
    expect(reply.status).toBe(201);
    return reply.body;
  };
  const published = async (overrides: Record<string, unknown> = {}) => {
    const practice = await submitted(overrides);
    expect((await reviewer.post(`/best-practices/${practice.id}/publication`)).status).toBe(200);
    return practice;
  };
  const eventsAbout = (type: string, practiceId: string) =>
    events
      .ofType(type)
      .map((m) => JSON.parse(m.value ?? '{}') as Record<string, unknown>)
      .filter((data) => data.practiceId === practiceId);

  it('submitted → returned with comments → revised with If-Match → published; each change on the topic', async () => {
    const created = await officer.post<BestPracticeResponse>('/best-practices', {
      cityId: kitakyushu,
      ...content(),
    });
    expect(created).toMatchObject({
      status: 201,
      etag: 'W/"1"',
      location: `/best-practices/${created.body.id}`,
      body: { status: 'submitted', cityId: kitakyushu, publishedAt: null },
    });
    const id = created.body.id;
    const returned = await reviewer.post<BestPracticeResponse>(`/best-practices/${id}/return`, {
      comments: 'Please add the tonnes diverted per year.',
    });
    expect(returned).toMatchObject({ status: 200, etag: 'W/"2"', body: { status: 'returned' } });

    const withoutIfMatch = await officer.problem(`/best-practices/${id}`, content(), {}, 'PUT');
    expect(withoutIfMatch.status).toBe(428);
    const revised = await officer.put<BestPracticeResponse>(
      `/best-practices/${id}`,
      content({ results: 'Household waste fell by 20%: 31,000 tonnes a year.' }),
      { 'if-match': 'W/"2"' },
    );
    expect(revised).toMatchObject({
      status: 200,
      etag: 'W/"3"',
      body: { status: 'submitted', comments: 'Please add the tonnes diverted per year.' },
    });

    const publication = await reviewer.post<BestPracticeResponse>(
      `/best-practices/${id}/publication`,
      {},
      {
        'if-match': 'W/"3"',
      },
    );
    expect(publication).toMatchObject({
      status: 200,
      body: { status: 'published', reviewCommissionId: FIRST, version: 4 },
    });
    const again = await reviewer.problem(`/best-practices/${id}/publication`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ currentStatus: 'published' });
    expect(again.body.type).toContain('best-practice-not-submitted');

    await eventually(() => {
      expect(eventsAbout('c2c.best-practice.submitted.v1', id)).toHaveLength(2);
      expect(eventsAbout('c2c.best-practice.returned.v1', id)).toEqual([
        expect.objectContaining({ comments: 'Please add the tonnes diverted per year.' }),
      ]);
      expect(eventsAbout('c2c.best-practice.published.v1', id)).toEqual([
        expect.objectContaining({ commissionId: FIRST, cityId: kitakyushu, sdgs: [11, 12] }),
      ]);
    });
  });

  it('refuses a city officer submitting for another city, an observer, and an archived city', async () => {
    const foreign = await new Api(app, cityOfficerOf(surabaya)).problem('/best-practices', {
      cityId: kitakyushu,
      ...content(),
    });
    expect(foreign.status).toBe(403);
    const byObserver = await new Api(app, OBSERVER).problem('/best-practices', {
      cityId: kitakyushu,
      ...content(),
    });
    expect(byObserver.status).toBe(403);
    const ofArchived = await new Api(app).problem('/best-practices', { cityId: archived, ...content() });
    expect(ofArchived.status).toBe(422);
    expect(ofArchived.body.type).toContain('city-unknown');
  });

  it('names the wrong fields of a bad submission in a 400 problem+json', async () => {
    const reply = await officer.problem('/best-practices', {
      cityId: kitakyushu,
      ...content({ sdgs: [18], challenges: ['traffic'], contact: { name: 'A', email: 'not-an-email' } }),
    });
    expect(reply.status).toBe(400);
    expect(reply.contentType).toContain('application/problem+json');
    const fields = (reply.body as Fields).errors?.map((e) => e.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['sdgs', 'challenges', 'contact.email']));
  });

  it('has an officer of commission 2 review only for its own commission, and an observer review nothing', async () => {
    const practice = await submitted();
    const foreign = await new Api(app, commissionOfficerOf(SECOND)).problem(
      `/best-practices/${practice.id}/publication`,
      { commissionId: FIRST },
    );
    expect(foreign.status).toBe(403);
    const byObserver = await new Api(app, OBSERVER).problem(`/best-practices/${practice.id}/return`, {
      comments: 'No.',
    });
    expect(byObserver.status).toBe(403);
  });

  it('searches the published library by words and filters it by tags; unpublished stays out', async () => {
    const drip = await published({
      title: 'Drip irrigation for urban farms',
      problem: 'Urban farmers wasted scarce water.',
      solution: 'Drip lines fed from rainwater tanks.',
      results: 'Water use halved on forty plots.',
      lessons: null,
      sdgs: [2, 6],
      challenges: ['poverty-reduction'],
      cooperationAreas: ['water-and-sanitation'],
    });
    const hidden = await submitted({ title: 'Drip irrigation, second try' });
    const observer = new Api(app, OBSERVER);
    const search = async (query: string) =>
      (await observer.get<Page<BestPracticeResponse>>(`/best-practices?${query}`)).body.items.map(
        (p) => p.id,
      );

    expect(await search('q=irrigating%20farmers')).toEqual([drip.id]); // stemmed: irrigation, farmer
    expect(await search('q=%22drip%20irrigation%22%20-rainwater')).toEqual([]);
    expect(await search('sdg=6')).toEqual([drip.id]);
    expect(await search('challenge=poverty-reduction&cooperationArea=water-and-sanitation')).toEqual([
      drip.id,
    ]);
    expect(await search('q=irrigation')).not.toContain(hidden.id);
    // Words and tags together: a parameter named like a cast (`::text[]`) once made this a 500.
    expect(
      await search('q=irrigation&challenge=poverty-reduction&cooperationArea=water-and-sanitation'),
    ).toEqual([drip.id]);

    const own = await officer.get<Page<BestPracticeResponse>>(
      `/best-practices?cityId=${kitakyushu}&status=all`,
    );
    expect(own.body.items.map((p) => p.id)).toContain(hidden.id);
    const peeking = await observer.get<ProblemDetails>('/best-practices?status=submitted');
    expect(peeking.status).toBe(403);
    expect((await observer.get(`/best-practices/${hidden.id}`)).status).toBe(404);
    const badSdg = await observer.get<Fields>('/best-practices?sdg=0');
    expect(badSdg.status).toBe(400);
    expect(badSdg.body.errors?.map((e) => e.field)).toEqual(['sdg']);
  });

  it("shows officers the contact's e-mail and phone, observers its name and role only", async () => {
    const practice = await published();
    const asObserver = await new Api(app, OBSERVER).get<BestPracticePageResponse>(
      `/best-practices/${practice.id}`,
    );
    expect(asObserver.body.contact).toEqual({ name: 'Aiko Tanaka', role: 'Environment Bureau' });
    const asOfficer = await new Api(app, cityOfficerOf(surabaya)).get<BestPracticePageResponse>(
      `/best-practices/${practice.id}`,
    );
    expect(asOfficer.body.contact).toMatchObject({ email: 'aiko@example.org', phone: '+81 93 000' });
  });

  it('lists on the practice page the partnerships that transferred it (from c2c.partnerships.v1)', async () => {
    const practice = await published();
    const partnershipId = randomUUID();
    const activityId = randomUUID();
    const participant = (cityId: string, countryCode: string, role: 'proposer' | 'partner') => ({
      cityId,
      name: cityId === kitakyushu ? 'Kitakyushu' : 'Surabaya',
      countryCode,
      role,
      acceptedAt: '2026-03-01T00:00:00Z',
    });
    const transfer: EventData<'c2c.partnership.activity-recorded.v1'> = {
      partnership: {
        partnershipId,
        type: 'technical-cooperation',
        title: 'Kitakyushu–Surabaya green sister cities',
        status: 'active',
        participants: [participant(kitakyushu, 'JP', 'proposer'), participant(surabaya, 'ID', 'partner')],
        cooperationAreas: ['environment-and-climate'],
        sdgTags: [11],
        startDate: '2026-03-01',
        endDate: null,
      },
      activity: {
        activityId,
        kind: 'practice-transfer',
        title: 'Takakura composting rolled out in Surabaya',
        startDate: '2026-09-07',
        endDate: '2026-09-11',
        participatingCityIds: [kitakyushu, surabaya],
        practiceTransfer: { bestPracticeId: practice.id, sourceCityId: kitakyushu, adoptingCityId: surabaya },
      },
    };
    // Delivered twice, as a redelivery would: the page lists the transfer once.
    await partnerships.publish('c2c.partnership.activity-recorded.v1', partnershipId, transfer);
    await partnerships.publish('c2c.partnership.activity-recorded.v1', partnershipId, transfer);
    const page = await eventually(async () => {
      const reply = await new Api(app, OBSERVER).get<BestPracticePageResponse>(
        `/best-practices/${practice.id}`,
      );
      expect(reply.body.transfers).toHaveLength(1);
      return reply.body;
    });
    expect(page.transfers[0]).toEqual({
      partnershipId,
      partnershipTitle: 'Kitakyushu–Surabaya green sister cities',
      activityId,
      sourceCityId: kitakyushu,
      adoptingCityId: surabaya,
      startDate: '2026-09-07',
    });
  });

  it('serves the tag catalogue: the common challenges, the 17 SDGs, the cooperation areas', async () => {
    const { body } = await new Api(app, OBSERVER).get<PracticeCatalogueResponse>('/common-challenges');
    expect(body.challenges).toContainEqual({ id: 'poverty-reduction', label: 'Poverty reduction' });
    expect(body.sdgs.map((s) => s.goal)).toEqual([...Array(17).keys()].map((i) => i + 1));
    expect(body.cooperationAreas).toContain('environment-and-climate');
  });
});
