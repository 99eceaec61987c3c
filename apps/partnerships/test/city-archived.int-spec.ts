import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventData } from '@c2c/contracts';
import { Page } from '@c2c/platform';
import { eventually, TopicRecorder } from '@c2c/testing';
import { HistoryEntryView } from '../src/partnerships/dto/partnership-view.dto';
import { Api, proposalBetween } from './support/api';
import { PartnershipsEnv } from './support/partnerships-env';

describe('partnerships: archiving a city suspends its active partnerships', () => {
  let env: PartnershipsEnv;
  let app: NestFastifyApplication;
  let api: Api;
  let events: TopicRecorder;
  let jakarta: string;
  let hanoi: string;
  let busan: string;

  beforeAll(async () => {
    env = await PartnershipsEnv.create('p-archived');
    app = await env.startApp();
    jakarta = await env.cities.register({ name: 'Jakarta', countryCode: 'ID' });
    hanoi = await env.cities.register({ name: 'Hanoi', countryCode: 'VN' });
    busan = await env.cities.register({ name: 'Busan', countryCode: 'KR' });
    await env.citiesKnown(app, [jakarta, hanoi, busan]);
    api = new Api(app, await env.auth.secretariat());
    events = await env.recordPartnershipEvents();
  }, 120_000);

  afterAll(async () => {
    await env?.close();
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

    await env.cities.archive(hanoi, 'Hanoi', 'VN');

    await eventually(async () => {
      for (const id of [withHanoi, hanoiAndBusan])
        expect((await api.get(`/partnerships/${id}`)).body.status).toBe('suspended');
    });
    expect((await api.get(`/partnerships/${elsewhere}`)).body.status).toBe('active');
    expect((await api.get(`/partnerships/${stillProposed}`)).body.status).toBe('proposed');

    const history = await api.get<Page<HistoryEntryView>>(`/partnerships/${withHanoi}/history`);
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
