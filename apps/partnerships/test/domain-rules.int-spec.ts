import type { ProblemDetails } from '@c2c/platform';
import { ServiceWorld } from '@c2c/service/testing';
import {
  Api,
  BestPracticePublisher,
  citiesKnown,
  CityPublisher,
  officerOf,
  Partnerships,
  practiceKnown,
  proposalBetween,
  startPartnerships,
  type Reply,
} from './support/partnerships';

// Issue 13, item 7: an activity, a practice transfer or a signatory naming a city outside the
// partnership is a 422 naming the field and the cities; a city has a bounded number of open proposals.
const OPEN_PROPOSAL_LIMIT = 3;

interface Outside {
  field: string;
  message: string;
  cityIds: string[];
}

function expectOutside(reply: Reply<ProblemDetails>, expected: { field: string; cityIds: string[] }[]): void {
  expect(reply.status).toBe(422);
  expect(reply.contentType).toMatch(/^application\/problem\+json/);
  expect(reply.body.type).toMatch(/city-not-participant$/);
  const errors = reply.body.errors as unknown as Outside[];
  expect(errors.map(({ field, cityIds }) => ({ field, cityIds }))).toEqual(expected);
}

describe('partnerships: cities outside the partnership, and open proposals', () => {
  let world: ServiceWorld;
  let app: Partnerships;
  let api: Api;
  const city: Record<string, string> = {};

  beforeAll(async () => {
    world = await ServiceWorld.create('p-domain-rules');
    app = await startPartnerships(world, { MAX_OPEN_PROPOSALS_PER_CITY: String(OPEN_PROPOSAL_LIMIT) });
    const cities = await CityPublisher.open(world);
    for (const [key, name, countryCode] of [
      ['surabaya', 'Surabaya', 'ID'],
      ['kitakyushu', 'Kitakyushu', 'JP'],
      ['cebu', 'Cebu', 'PH'],
      ['penang', 'George Town', 'MY'],
      ['hanoi', 'Hanoi', 'VN'],
      ['busan', 'Busan', 'KR'],
    ] as const) {
      city[key] = await cities.register({ name, countryCode });
    }
    await citiesKnown(app, Object.values(city));
    api = new Api(app);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  describe('an activity', () => {
    let id: string;
    let bestPracticeId: string;
    const activity = (overrides: object = {}) => ({
      kind: 'practice-transfer',
      title: 'Takakura home composting',
      startDate: '2026-09-07',
      participatingCityIds: [city.surabaya, city.kitakyushu],
      practiceTransfer: {
        bestPracticeId,
        sourceCityId: city.kitakyushu,
        adoptingCityId: city.surabaya,
      },
      ...overrides,
    });

    beforeAll(async () => {
      bestPracticeId = await (await BestPracticePublisher.open(world)).published(city.kitakyushu!);
      await practiceKnown(app, bestPracticeId, 'published');
      const proposed = await api.post('/partnerships', proposalBetween(city.surabaya!, [city.kitakyushu!]));
      id = proposed.body.id;
      expect(
        (await api.post(`/partnerships/${id}/acceptances`, { cityId: city.kitakyushu })).body.status,
      ).toBe('active');
    });

    it('is recorded when every city it names takes part (the baseline the cases below break)', async () => {
      expect((await api.post(`/partnerships/${id}/activities`, activity())).status).toBe(201);
    });

    it('is refused with a 422 naming participatingCityIds and the city outside, recording nothing', async () => {
      const before = await api.get(`/partnerships/${id}`);
      const reply = await new Api(app, officerOf(city.surabaya!)).problem(
        `/partnerships/${id}/activities`,
        activity({
          kind: 'study-visit',
          practiceTransfer: undefined,
          participatingCityIds: [city.surabaya, city.cebu],
        }),
      );
      expectOutside(reply, [{ field: 'participatingCityIds', cityIds: [city.cebu!] }]);
      expect((await api.get(`/partnerships/${id}`)).body.version).toBe(before.body.version);
    });

    it.each([
      ['source', 'practiceTransfer.sourceCityId', () => ({ sourceCityId: city.penang })],
      ['adopting', 'practiceTransfer.adoptingCityId', () => ({ adoptingCityId: city.hanoi })],
    ])(
      'is refused with a 422 when the practice transfer’s %s city does not take part',
      async (_which, field, change) => {
        const base = activity();
        const transfer = { ...base.practiceTransfer, ...change() };
        const reply = await api.problem(`/partnerships/${id}/activities`, {
          ...base,
          practiceTransfer: transfer,
        });
        const named = field.endsWith('sourceCityId') ? transfer.sourceCityId : transfer.adoptingCityId;
        expectOutside(reply, [{ field, cityIds: [named!] }]);
      },
    );
  });

  describe("a proposal's agreement", () => {
    const withSignatories = (signatories: object[]) =>
      proposalBetween(city.hanoi!, [city.busan!], {
        agreement: { place: 'Hanoi', signedOn: '2026-03-01', signatories },
      });

    it('is accepted when every signatory signs for a participant', async () => {
      const reply = await api.post(
        '/partnerships',
        withSignatories([
          { name: 'Tran Sy Thanh', title: 'Chairman', cityId: city.hanoi },
          { name: 'Park Heong-joon', title: 'Mayor', cityId: city.busan },
          { name: 'A witness without a city' },
        ]),
      );
      expect(reply.status).toBe(201);
    });

    it('is refused with a 422 naming the signatory whose city does not take part', async () => {
      const reply = await api.problem(
        '/partnerships',
        withSignatories([
          { name: 'Tran Sy Thanh', cityId: city.hanoi },
          { name: 'Someone from Cebu', cityId: city.cebu },
        ]),
      );
      expectOutside(reply, [{ field: 'agreement.signatories.1.cityId', cityIds: [city.cebu!] }]);
    });
  });

  describe('open proposals', () => {
    it(`lets a city have ${OPEN_PROPOSAL_LIMIT} open at once, refusing the next with a 409 naming the limit, and counts only proposals still open`, async () => {
      const fromCebu = new Api(app, officerOf(city.cebu!));
      const propose = (via: Api = fromCebu) =>
        via.post('/partnerships', proposalBetween(city.cebu!, [city.penang!]));
      const open: string[] = [];
      for (let i = 0; i < OPEN_PROPOSAL_LIMIT; i += 1) {
        const reply = await propose();
        expect(reply.status).toBe(201);
        open.push(reply.body.id);
      }

      for (const via of [fromCebu, api]) {
        const refused = await via.problem('/partnerships', proposalBetween(city.cebu!, [city.penang!]));
        expect(refused.status).toBe(409);
        expect(refused.body).toMatchObject({ limit: OPEN_PROPOSAL_LIMIT, cityId: city.cebu });
        expect(refused.body.type).toMatch(/too-many-open-proposals$/);
      }
      // Another city's proposals are its own count.
      expect((await api.post('/partnerships', proposalBetween(city.penang!, [city.cebu!]))).status).toBe(201);

      // A proposal accepted or withdrawn is no longer open: room for one more each time.
      expect(
        (await api.post(`/partnerships/${open[0]}/acceptances`, { cityId: city.penang })).body.status,
      ).toBe('active');
      expect((await propose()).status).toBe(201);
      expect((await fromCebu.post(`/partnerships/${open[1]}/withdrawal`, { reason: 'merged' })).status).toBe(
        200,
      );
      expect((await propose()).status).toBe(201);
      expect((await propose()).status).toBe(409);
    });

    it('holds under concurrent proposals by the same city', async () => {
      const fromBusan = new Api(app, officerOf(city.busan!));
      const replies = await Promise.all(
        Array.from({ length: OPEN_PROPOSAL_LIMIT + 3 }, () =>
          fromBusan.post('/partnerships', proposalBetween(city.busan!, [city.surabaya!])),
        ),
      );
      const statuses = replies.map((reply) => reply.status).sort();
      expect(statuses.filter((status) => status === 201)).toHaveLength(OPEN_PROPOSAL_LIMIT);
      expect(statuses.filter((status) => status === 409)).toHaveLength(3);
    });
  });
});
