import { EventData } from '@c2c/contracts';
import { Page } from '@c2c/platform';
import { ServiceWorld } from '@c2c/service/testing';
import { eventually, TopicRecorder } from '@c2c/testing';
import type { HistoryEntryResponse } from '../src/partnerships/dto/history-entry-response.dto';
import {
  Api,
  citiesKnown,
  CityPublisher,
  Partnerships,
  proposalBetween,
  startPartnerships,
} from './support/partnerships';

describe('partnerships: archiving a city suspends its active partnerships', () => {
  let world: ServiceWorld;
  let app: Partnerships;
  let cities: CityPublisher;
  let api: Api;
  let events: TopicRecorder;
  let jakarta: string;
  let hanoi: string;
  let busan: string;

  beforeAll(async () => {
    world = await ServiceWorld.create('p-archived');
    app = await startPartnerships(world);
    cities = await CityPublisher.open(world);
    jakarta = await cities.register({ name: 'Jakarta', countryCode: 'ID' });
    hanoi = await cities.register({ name: 'Hanoi', countryCode: 'VN' });
    busan = await cities.register({ name: 'Busan', countryCode: 'KR' });
    await citiesKnown(app, [jakarta, hanoi, busan]);
    api = new Api(app);
    events = await world.record('c2c.partnerships.v1');
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  const activeBetween = async (proposer: string, partner: string) => {
    const created = await api.post('/partnerships', proposalBetween(proposer, [partner]));
    await api.post(`/partnerships/${created.body.id}/acceptances`, { cityId: partner });
    return created.body.id;
  };

  it('suspends them through the normal transition, by the platform, with "city archived"; others stay', async () => {
    const withHanoi = await activeBetween(jakarta, hanoi);
    const hanoiAndBusan = await activeBetween(busan, hanoi);
    const elsewhere = await activeBetween(jakarta, busan);
    const stillProposed = (await api.post('/partnerships', proposalBetween(jakarta, [hanoi]))).body.id;

    await cities.archive(hanoi, 'Hanoi', 'VN');

    await eventually(async () => {
      for (const id of [withHanoi, hanoiAndBusan])
        expect((await api.get(`/partnerships/${id}`)).body.status).toBe('suspended');
    });
    expect((await api.get(`/partnerships/${elsewhere}`)).body.status).toBe('active');
    expect((await api.get(`/partnerships/${stillProposed}`)).body.status).toBe('proposed');

    const history = await api.get<Page<HistoryEntryResponse>>(`/partnerships/${withHanoi}/history`);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'suspended',
      fromStatus: 'active',
      toStatus: 'suspended',
      actorId: null,
      cityId: hanoi,
      reason: 'city archived',
    });

    await eventually(() => {
      const suspended = events
        .ofType('c2c.partnership.suspended.v1')
        .filter((m) => m.key === withHanoi || m.key === hanoiAndBusan);
      expect(suspended).toHaveLength(2);
      for (const message of suspended) {
        const data = JSON.parse(message.value ?? '{}') as EventData<'c2c.partnership.suspended.v1'>;
        expect(data).toMatchObject({
          actorId: null,
          reason: 'city archived',
          partnership: { status: 'suspended' },
        });
      }
    });
  });

  it('refuses to resume while the city is archived, to accept a proposal naming it, or to propose with it', async () => {
    const [suspended] = (
      await api.get<Page<{ id: string }>>(`/partnerships?cityId=${hanoi}&status=suspended`)
    ).body.items;
    const resume = await api.problem(`/partnerships/${suspended?.id}/resumption`, { reason: 'try again' });
    expect(resume.status).toBe(409);
    expect(resume.body.detail).toMatch(/archived participant/);

    const [proposed] = (await api.get<Page<{ id: string }>>(`/partnerships?cityId=${hanoi}&status=proposed`))
      .body.items;
    const accept = await api.problem(`/partnerships/${proposed?.id}/acceptances`, { cityId: hanoi });
    expect(accept.status).toBe(409);

    const propose = await api.problem('/partnerships', proposalBetween(busan, [hanoi]));
    expect(propose.status).toBe(400);
    expect(propose.body.errors?.[0]?.message).toMatch(/archived/);
  });
});
