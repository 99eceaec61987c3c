import type { EventData } from '@c2c/contracts';
import type { Page } from '@c2c/platform';
import { ServiceWorld } from '@c2c/service/testing';
import { eventually, type TopicRecorder } from '@c2c/testing';
import type { CommissionResponse } from '../src/commissions/dto/commission-response.dto';
import type { MembershipRequestResponse } from '../src/commissions/dto/membership-request-response.dto';
import type { MembershipResponse } from '../src/commissions/dto/membership-response.dto';
import {
  Api,
  application,
  citiesKnown,
  CityPublisher,
  Commissions,
  FIRST,
  SECOND,
  startCommissions,
  THIRD,
} from './support/commissions';

describe('commissions: an archived city leaves every commission', () => {
  let world: ServiceWorld;
  let app: Commissions;
  let cities: CityPublisher;
  let api: Api;
  let events: TopicRecorder;

  beforeAll(async () => {
    world = await ServiceWorld.create('c-archived');
    app = await startCommissions(world);
    cities = await CityPublisher.open(world);
    api = new Api(app);
    events = await world.record('c2c.commissions.v1');
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  const admit = async (commissionId: string, cityId: string) => {
    const applied = await api.post<MembershipRequestResponse>(
      `/commissions/${commissionId}/membership-requests`,
      application(cityId),
    );
    expect(
      (await api.post(`/commissions/${commissionId}/membership-requests/${applied.body.id}/approval`)).status,
    ).toBe(200);
  };

  it('ends its memberships (a chair seat with them) and its pending requests; other cities stay', async () => {
    const hanoi = await cities.register({ name: 'Hanoi', countryCode: 'VN' });
    const seoul = await cities.register({ name: 'Seoul', countryCode: 'KR' });
    await citiesKnown(app, [hanoi, seoul]);
    await admit(FIRST, hanoi);
    await admit(SECOND, hanoi);
    await admit(FIRST, seoul);
    const pending = await api.post<MembershipRequestResponse>(
      `/commissions/${THIRD}/membership-requests`,
      application(hanoi),
    );
    const first = await api.get<CommissionResponse>(`/commissions/${FIRST}`);
    await api.patch(
      `/commissions/${FIRST}`,
      { chairCityId: hanoi, viceChairCityIds: [seoul] },
      { 'if-match': first.etag ?? '' },
    );

    await cities.archive(hanoi, 'Hanoi', 'VN');

    await eventually(async () => {
      const memberships = await api.get<Page<MembershipResponse>>(`/memberships?cityId=${hanoi}&limit=100`);
      expect(memberships.body.items).toEqual([]);
    });
    const request = await api.get<MembershipRequestResponse>(
      `/commissions/${THIRD}/membership-requests/${pending.body.id}`,
    );
    expect(request.body).toMatchObject({ status: 'ended', reason: 'city archived', decidedBy: null });
    expect(request.etag).toBe('W/"2"');
    const commission = await api.get<CommissionResponse>(`/commissions/${FIRST}`);
    expect(commission.body).toMatchObject({ chairCityId: null, viceChairCityIds: [seoul], memberCount: 1 });
    const seoulMemberships = await api.get<Page<MembershipResponse>>(`/memberships?cityId=${seoul}`);
    expect(seoulMemberships.body.items).toEqual([
      expect.objectContaining({ role: 'vice-chair', status: 'active' }),
    ]);

    await eventually(() => {
      const left = events
        .ofType('c2c.commission.member-left.v1')
        .map((m) => JSON.parse(m.value ?? '{}') as EventData<'c2c.commission.member-left.v1'>)
        .filter((data) => data.cityId === hanoi);
      expect(left.map((data) => [data.commissionId, data.reason]).sort()).toEqual(
        [
          [FIRST, 'city-archived'],
          [SECOND, 'city-archived'],
        ].sort(),
      );
      const ended = events
        .ofType('c2c.commission.membership-rejected.v1')
        .map((m) => JSON.parse(m.value ?? '{}') as EventData<'c2c.commission.membership-rejected.v1'>)
        .filter((data) => data.cityId === hanoi);
      expect(ended).toEqual([expect.objectContaining({ commissionId: THIRD, requestId: pending.body.id })]);
      expect(ended[0]?.decidedBy).toBeUndefined();
    });

    const again = await api.problem(`/commissions/${SECOND}/membership-requests`, application(hanoi));
    expect(again.status).toBe(422);
  });
});
