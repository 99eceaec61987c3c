import { ServiceWorld } from '@c2c/service/testing';
import {
  Api,
  citiesKnown,
  CityPublisher,
  Partnerships,
  proposalBetween,
  startPartnerships,
} from './support/partnerships';

describe('partnerships: rule violations are 400 problems naming the field', () => {
  let world: ServiceWorld;
  let app: Partnerships;
  let api: Api;
  const city: Record<string, string> = {};

  beforeAll(async () => {
    world = await ServiceWorld.create('p-rules');
    app = await startPartnerships(world);
    const cities = await CityPublisher.open(world);
    for (const [key, name, countryCode] of [
      ['tokyo', 'Tokyo', 'JP'],
      ['osaka', 'Osaka', 'JP'],
      ['seoul', 'Seoul', 'KR'],
      ['manila', 'Manila', 'PH'],
    ] as const) {
      city[key] = await cities.register({ name, countryCode });
    }
    await citiesKnown(app, Object.values(city));
    await cities.archive(city.manila!, 'Manila', 'PH');
    await citiesKnown(app, [city.manila!], true);
    api = new Api(app);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('accepts a sound proposal (the baseline the cases below break)', async () => {
    expect((await api.post('/partnerships', proposalBetween(city.tokyo!, [city.seoul!]))).status).toBe(201);
  });

  it.each([
    [
      'all participants in one country',
      () => ({ participantCityIds: [city.osaka] }),
      'participantCityIds',
      /all are in JP/,
    ],
    ['an archived city', () => ({ participantCityIds: [city.manila] }), 'participantCityIds', /archived/],
    [
      'a duplicate participant',
      () => ({ participantCityIds: [city.seoul, city.seoul] }),
      'participantCityIds',
      /duplicate/,
    ],
    [
      'end before start',
      () => ({ startDate: '2027-01-01', endDate: '2026-06-30' }),
      'endDate',
      /before startDate/,
    ],
    [
      'an unknown area',
      () => ({ cooperationAreas: ['urban-planning', 'space-tourism'] }),
      'cooperationAreas',
      /one of/,
    ],
    [
      'an unknown city',
      () => ({ participantCityIds: ['7d1d6f56-56a4-4d53-9a4c-6f7f2b0b3b11'] }),
      'participantCityIds',
      /not known/,
    ],
    ['a malformed date', () => ({ endDate: '2027-02-30' }), 'endDate', /valid date/],
    ['an unknown property', () => ({ budget: 1_000_000 }), 'budget', /should not exist/],
  ])('refuses %s', async (_case, override, field, message) => {
    const body = { ...proposalBetween(city.tokyo!, [city.seoul!]), ...override() };
    const reply = await api.problem('/partnerships', body);
    expect(reply.status).toBe(400);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    expect(reply.body.type).toBe('https://c2c.asianmayorsforum.org/problems/validation-error');
    expect(reply.body.errors).toContainEqual({ field, message: expect.stringMatching(message) as unknown });
  });

  it('refuses an activity ending before it starts, or a practice transfer without its practice', async () => {
    const created = await api.post('/partnerships', proposalBetween(city.tokyo!, [city.seoul!]));
    await api.post(`/partnerships/${created.body.id}/acceptances`, { cityId: city.seoul });
    const base = {
      kind: 'practice-transfer',
      title: 'Flood maps',
      startDate: '2026-05-02',
      participatingCityIds: [city.seoul],
    };
    const backwards = await api.problem(`/partnerships/${created.body.id}/activities`, {
      ...base,
      endDate: '2026-05-01',
    });
    expect(backwards.body.errors?.map((e) => e.field)).toEqual(['endDate', 'practiceTransfer']);
    const unknownKind = await api.problem(`/partnerships/${created.body.id}/activities`, {
      ...base,
      kind: 'party',
    });
    expect(unknownKind.body.errors?.map((e) => e.field)).toEqual(['kind']);
  });
});
