import type { Page } from '@c2c/platform';
import { ServiceWorld } from '@c2c/service/testing';
import type { BestPracticeResponse } from '../src/best-practices/dto/best-practice.dto';
import type { CommissionPageResponse } from '../src/commissions/dto/commission-response.dto';
import type { MeetingResponse } from '../src/meetings/dto/meeting.dto';
import type { ResolutionResponse } from '../src/resolutions/dto/resolution.dto';
import { DEMO_CITY_NAMES } from '../src/seed/demo-forum';
import { demoCitiesKnown, seedForum } from '../src/seed/seed';
import {
  Api,
  citiesKnown,
  CityPublisher,
  FIRST,
  OBSERVER,
  SECOND,
  startCommissions,
  type Commissions,
} from './support/commissions';

describe('commissions: the demo forum (npm run seed)', () => {
  let world: ServiceWorld;
  let app: Commissions;
  let api: Api;

  beforeAll(async () => {
    world = await ServiceWorld.create('c-seed');
    app = await startCommissions(world);
    const cities = await CityPublisher.open(world);
    const ids: string[] = [];
    for (const name of DEMO_CITY_NAMES) ids.push(await cities.register({ name, countryCode: 'JP' }));
    await citiesKnown(app, ids);
    api = new Api(app, OBSERVER);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('loads memberships with chairs, a held meeting with its declaration, and published practices; once', async () => {
    const cities = await demoCitiesKnown(app, 10_000);
    expect(cities.size).toBe(DEMO_CITY_NAMES.length);
    const first = await seedForum(app, cities);
    expect(first).toEqual({ memberships: 11, meetings: 1, practices: 4, unknownCities: [] });

    const commission = (await api.get<CommissionPageResponse>(`/commissions/${FIRST}`)).body;
    expect(commission).toMatchObject({ memberCount: 4, chairCityId: cities.get('Kitakyushu') });
    expect(commission.viceChairCityIds).toEqual([cities.get('Surabaya')]);
    const meetings = (await api.get<Page<MeetingResponse>>(`/commissions/${SECOND}/meetings`)).body.items;
    expect(meetings.map((m) => m.status)).toEqual(['held']);
    const resolutions = (await api.get<Page<ResolutionResponse>>(`/commissions/${SECOND}/resolutions`)).body;
    expect(resolutions.items[0]?.actions.map((a) => a.ownerCityId)).toEqual([
      cities.get('Surabaya'),
      cities.get('Kathmandu'),
    ]);
    const library = (await api.get<Page<BestPracticeResponse>>('/best-practices')).body.items;
    expect(library.map((p) => p.title).sort()).toEqual([
      'Neighbourhood flood early warning',
      'Takakura home composting',
      'Waste banks: recyclables as savings',
    ]);

    expect(await seedForum(app, cities)).toEqual({
      memberships: 0,
      meetings: 0,
      practices: 0,
      unknownCities: [],
    });
  });

  it('leaves out, and names, what needs a city the service does not hold as a member', async () => {
    const cities = new Map([...(await demoCitiesKnown(app, 10_000))].filter(([name]) => name !== 'Almaty'));
    const result = await seedForum(app, cities);
    expect(result).toEqual({ memberships: 0, meetings: 0, practices: 0, unknownCities: ['Almaty'] });
  });
});
