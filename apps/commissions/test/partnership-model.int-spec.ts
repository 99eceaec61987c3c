import { randomUUID } from 'node:crypto';
import type { EventData, PartnershipStatus } from '@c2c/contracts';
import { ServiceWorld, type TestPublisher } from '@c2c/service/testing';
import { eventually } from '@c2c/testing';
import type { CommissionPageResponse } from '../src/commissions/dto/commission-response.dto';
import type { MembershipRequestResponse } from '../src/commissions/dto/membership-request-response.dto';
import {
  Api,
  application,
  citiesKnown,
  CityPublisher,
  FIRST,
  OBSERVER,
  SECOND,
  startCommissions,
  type Commissions,
} from './support/commissions';

describe("commissions: a commission's page counts its member cities' active partnerships", () => {
  let world: ServiceWorld;
  let app: Commissions;
  let partnerships: TestPublisher;
  let hue: string;
  let kyoto: string;
  let busan: string;
  let surabaya: string;

  beforeAll(async () => {
    world = await ServiceWorld.create('c-partnership-model');
    app = await startCommissions(world);
    const cities = await CityPublisher.open(world);
    hue = await cities.register({ name: 'Hue', countryCode: 'VN' });
    kyoto = await cities.register({ name: 'Kyoto', countryCode: 'JP' });
    busan = await cities.register({ name: 'Busan', countryCode: 'KR' });
    surabaya = await cities.register({ name: 'Surabaya', countryCode: 'ID' });
    await citiesKnown(app, [hue, kyoto, busan, surabaya]);
    const api = new Api(app);
    const request = await api.post<MembershipRequestResponse>(
      `/commissions/${FIRST}/membership-requests`,
      application(hue),
    );
    expect(
      (await api.post(`/commissions/${FIRST}/membership-requests/${request.body.id}/approval`)).status,
    ).toBe(200);
    partnerships = await world.publisherFor('partnerships');
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  const snapshot = (
    partnershipId: string,
    status: PartnershipStatus,
    cityIds: [string, string],
    cooperationAreas: EventData<'c2c.partnership.proposed.v1'>['partnership']['cooperationAreas'],
  ): EventData<'c2c.partnership.proposed.v1'>['partnership'] => ({
    partnershipId,
    type: 'sister-city',
    title: `Partnership ${partnershipId.slice(0, 4)}`,
    status,
    participants: cityIds.map((cityId, index) => ({
      cityId,
      name: 'City',
      countryCode: index === 0 ? 'VN' : 'JP',
      role: index === 0 ? ('proposer' as const) : ('partner' as const),
      acceptedAt: null,
    })),
    cooperationAreas,
    sdgTags: [],
    startDate: null,
    endDate: null,
  });
  const pageOf = async (commissionId: string) =>
    (await new Api(app, OBSERVER).get<CommissionPageResponse>(`/commissions/${commissionId}`)).body;

  it('counts an active partnership of a member city once in total and once in each of its areas', async () => {
    const withKyoto = randomUUID();
    const elsewhere = randomUUID();
    const areas = ['environment-and-climate', 'transport'] as const;
    await partnerships.publish('c2c.partnership.proposed.v1', withKyoto, {
      partnership: snapshot(withKyoto, 'proposed', [hue, kyoto], [...areas]),
    });
    // Neither Busan nor Surabaya is a member: their partnership is not the commission's.
    await partnerships.publish('c2c.partnership.activated.v1', elsewhere, {
      partnership: snapshot(elsewhere, 'active', [busan, surabaya], ['transport']),
    });
    await partnerships.publish('c2c.partnership.activated.v1', withKyoto, {
      partnership: snapshot(withKyoto, 'active', [hue, kyoto], [...areas]),
    });
    await eventually(async () => {
      const page = await pageOf(FIRST);
      expect(page.activePartnerships).toEqual({
        total: 1,
        byCooperationArea: [
          { cooperationArea: 'environment-and-climate', count: 1 },
          { cooperationArea: 'transport', count: 1 },
        ],
      });
      expect(page.memberCount).toBe(1);
    });
    expect((await pageOf(SECOND)).activePartnerships).toEqual({ total: 0, byCooperationArea: [] });

    await partnerships.publish('c2c.partnership.suspended.v1', withKyoto, {
      partnership: snapshot(withKyoto, 'suspended', [hue, kyoto], [...areas]),
      reason: 'Elections.',
    });
    await eventually(async () => {
      expect((await pageOf(FIRST)).activePartnerships.total).toBe(0);
    });
  });
});
