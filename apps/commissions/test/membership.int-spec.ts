import type { EventData } from '@c2c/contracts';
import type { Page, ProblemDetails } from '@c2c/platform';
import { ServiceWorld } from '@c2c/service/testing';
import { eventually, readCloudEvent, type TopicRecorder } from '@c2c/testing';
import type { CommissionResponse } from '../src/commissions/dto/commission-response.dto';
import type {
  ApprovalResponse,
  MembershipRequestResponse,
} from '../src/commissions/dto/membership-request-response.dto';
import type { MembershipResponse } from '../src/commissions/dto/membership-response.dto';
import {
  Api,
  application,
  citiesKnown,
  CityPublisher,
  cityOfficerOf,
  Commissions,
  commissionOfficerOf,
  FIRST,
  OBSERVER,
  SECOND,
  startCommissions,
  THIRD,
} from './support/commissions';

type Fields = ProblemDetails & { errors?: { field: string }[] };

describe('commissions: applying, deciding, leaving', () => {
  let world: ServiceWorld;
  let app: Commissions;
  let cities: CityPublisher;
  let api: Api;
  let events: TopicRecorder;
  let hue: string;
  let kyoto: string;
  let busan: string;
  let surabaya: string;
  let observerCity: string;

  beforeAll(async () => {
    world = await ServiceWorld.create('c-members');
    app = await startCommissions(world);
    cities = await CityPublisher.open(world);
    hue = await cities.register({ name: 'Hue', countryCode: 'VN' });
    kyoto = await cities.register({ name: 'Kyoto', countryCode: 'JP' });
    busan = await cities.register({ name: 'Busan', countryCode: 'KR' });
    surabaya = await cities.register({ name: 'Surabaya', countryCode: 'ID' });
    observerCity = await cities.register({
      name: 'Tashkent',
      countryCode: 'UZ',
      membershipStatus: 'observer',
    });
    await citiesKnown(app, [hue, kyoto, busan, surabaya, observerCity]);
    api = new Api(app);
    events = await world.record('c2c.commissions.v1');
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  const apply = (commissionId: string, cityId: string, as = api) =>
    as.post<MembershipRequestResponse>(
      `/commissions/${commissionId}/membership-requests`,
      application(cityId),
    );
  const requestPath = (commissionId: string, requestId: string, decision: string) =>
    `/commissions/${commissionId}/membership-requests/${requestId}/${decision}`;

  it('application → approval → member listed with role and since-date, and member-admitted on the topic', async () => {
    const applied = await apply(FIRST, hue, new Api(app, cityOfficerOf(hue)));
    expect(applied).toMatchObject({
      status: 201,
      etag: 'W/"1"',
      location: `/commissions/${FIRST}/membership-requests/${applied.body.id}`,
      body: { cityId: hue, commissionId: FIRST, status: 'pending' },
    });

    const approved = await new Api(app, commissionOfficerOf(FIRST)).post<ApprovalResponse>(
      requestPath(FIRST, applied.body.id, 'approval'),
      {},
      { 'if-match': applied.etag ?? '' },
    );
    expect(approved).toMatchObject({
      status: 200,
      etag: 'W/"2"',
      body: { status: 'approved', membership: { cityId: hue, role: 'member', status: 'active' } },
    });

    const members = await new Api(app, OBSERVER).get<Page<MembershipResponse>>(
      `/commissions/${FIRST}/members`,
    );
    expect(members.body.items).toEqual([
      expect.objectContaining({
        cityId: hue,
        cityName: 'Hue',
        commissionName: 'City to City Cooperation',
        role: 'member',
        since: new Date().toISOString().slice(0, 10),
      }),
    ]);
    const dossier = await api.get<Page<MembershipResponse>>(`/memberships?cityId=${hue}&limit=100`);
    expect(dossier.body).toEqual({
      items: [expect.objectContaining({ commissionId: FIRST })],
      nextCursor: null,
    });

    const message = await eventually(() => {
      const admitted = events
        .ofType('c2c.commission.member-admitted.v1')
        .find((m) => (JSON.parse(m.value ?? '{}') as { cityId?: string }).cityId === hue);
      if (admitted === undefined) throw new Error('member-admitted not on the topic yet');
      return admitted;
    });
    const event = readCloudEvent(message);
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'c2c.commission.member-admitted.v1',
      source: '/c2c/commissions',
      subject: FIRST,
    });
    expect(message.key).toBe(FIRST);
    expect(event?.data).toMatchObject({
      commissionId: FIRST,
      requestId: applied.body.id,
      cityId: hue,
      role: 'member',
    } satisfies Partial<EventData<'c2c.commission.member-admitted.v1'>>);
    expect(events.ofType('c2c.commission.membership-requested.v1').map((m) => m.key)).toContain(FIRST);
  });

  it('approving twice is 409 naming the status; applying again as a member is 409 already-member', async () => {
    const applied = await apply(SECOND, kyoto);
    const approval = requestPath(SECOND, applied.body.id, 'approval');
    expect((await api.post(approval)).status).toBe(200);
    const twice = await api.problem(approval);
    expect(twice).toMatchObject({ status: 409, body: { currentStatus: 'approved' } });
    expect(twice.body.type).toMatch(/membership-request-decided$/);
    const again = await apply(SECOND, kyoto);
    expect(again.status).toBe(409);
    expect((again.body as unknown as ProblemDetails).type).toMatch(/already-member$/);
  });

  it('never an applicant twice: a second application while one is pending is 409 already-applied', async () => {
    const first = await apply(THIRD, busan);
    const second = await api.problem(`/commissions/${THIRD}/membership-requests`, application(busan));
    expect(second).toMatchObject({ status: 409, body: { pendingRequestId: first.body.id } });
    expect(second.body.type).toMatch(/already-applied$/);
  });

  it('rejection with a reason: the request says why, the city is not a member, and it may apply again', async () => {
    const applied = await apply(SECOND, surabaya);
    const rejected = await new Api(app, commissionOfficerOf(SECOND)).post<MembershipRequestResponse>(
      requestPath(SECOND, applied.body.id, 'rejection'),
      { reason: 'The commission is full until the next mandate.' },
    );
    expect(rejected).toMatchObject({
      status: 200,
      etag: 'W/"2"',
      body: { status: 'rejected', reason: 'The commission is full until the next mandate.' },
    });
    const read = await api.get<MembershipRequestResponse>(
      `/commissions/${SECOND}/membership-requests/${applied.body.id}`,
    );
    expect(read).toMatchObject({ etag: 'W/"2"', body: { status: 'rejected' } });
    const members = await api.get<Page<MembershipResponse>>(`/commissions/${SECOND}/members`);
    expect(members.body.items.map((m) => m.cityId)).not.toContain(surabaya);
    await eventually(() =>
      expect(
        events
          .ofType('c2c.commission.membership-rejected.v1')
          .map((m) => JSON.parse(m.value ?? '{}') as EventData<'c2c.commission.membership-rejected.v1'>)
          .find((data) => data.requestId === applied.body.id),
      ).toMatchObject({ reason: 'The commission is full until the next mandate.' }),
    );
    expect((await apply(SECOND, surabaya)).status).toBe(201);
  });

  it('a city that is not an active AMF member cannot apply: 422 city-not-eligible', async () => {
    const refused = await api.problem(`/commissions/${FIRST}/membership-requests`, application(observerCity));
    expect(refused.status).toBe(422);
    expect(refused.body.type).toMatch(/city-not-eligible$/);
    const unknown = await api.problem(
      `/commissions/${FIRST}/membership-requests`,
      application('00000000-0000-4000-8000-0000000000aa'),
    );
    expect(unknown.status).toBe(422);
  });

  it('authorization: an officer of commission 2 deciding for commission 1, a city officer applying for another city, an observer writing: 403', async () => {
    const applied = await apply(FIRST, kyoto);
    const otherCommission = new Api(app, commissionOfficerOf(SECOND));
    expect((await otherCommission.problem(requestPath(FIRST, applied.body.id, 'approval'))).status).toBe(403);
    expect(
      (await otherCommission.problem(requestPath(FIRST, applied.body.id, 'rejection'), { reason: 'no' }))
        .status,
    ).toBe(403);
    const officerOfHue = new Api(app, cityOfficerOf(hue));
    expect(
      (await officerOfHue.problem(`/commissions/${THIRD}/membership-requests`, application(surabaya))).status,
    ).toBe(403);
    const observer = new Api(app, OBSERVER);
    expect(
      (await observer.problem(`/commissions/${THIRD}/membership-requests`, application(surabaya))).status,
    ).toBe(403);
    expect((await observer.problem(requestPath(FIRST, applied.body.id, 'approval'))).status).toBe(403);
    expect(
      (await observer.problem(`/commissions/${FIRST}`, { mandate: 'x' }, { 'if-match': '*' }, 'PATCH'))
        .status,
    ).toBe(403);
    expect((await officerOfHue.problem(`/commissions/${SECOND}/members/${kyoto}/departure`)).status).toBe(
      403,
    );
    // Still pending: nothing refused changed it.
    expect(
      (
        await api.get<MembershipRequestResponse>(
          `/commissions/${FIRST}/membership-requests/${applied.body.id}`,
        )
      ).body.status,
    ).toBe('pending');
  });

  it('bad input: 400 naming the field', async () => {
    const fieldsOf = async (reply: Promise<{ status: number; body: Fields }>) => {
      const { status, body } = await reply;
      expect(status).toBe(400);
      return (body.errors ?? []).map((error) => error.field);
    };
    expect(
      await fieldsOf(
        api.problem(`/commissions/${FIRST}/membership-requests`, { cityId: 'x', motivation: 'ok' }),
      ),
    ).toContain('cityId');
    expect(
      await fieldsOf(
        api.problem(`/commissions/${FIRST}/membership-requests`, { cityId: hue, motivation: '  ' }),
      ),
    ).toContain('motivation');
    expect(
      await fieldsOf(api.problem(`/commissions/${FIRST}/membership-requests/not-a-uuid/approval`)),
    ).toContain('rid');
    const applied = await apply(THIRD, surabaya);
    expect(await fieldsOf(api.problem(requestPath(THIRD, applied.body.id, 'rejection'), {}))).toContain(
      'reason',
    );
    expect(await fieldsOf(api.get<Fields>('/memberships?cityId=nope'))).toContain('cityId');
    expect(
      await fieldsOf(
        api.problem(`/commissions/${FIRST}`, { mandateStartsOn: '2026-02-30' }, { 'if-match': '*' }, 'PATCH'),
      ),
    ).toContain('mandateStartsOn');
  });

  it('the secretariat sets chair and vice-chairs among members only; a leaving chair gives up the seat', async () => {
    const commission = await api.get<CommissionResponse>(`/commissions/${FIRST}`);
    const notMember = await api.problem(
      `/commissions/${FIRST}`,
      { chairCityId: busan },
      { 'if-match': commission.etag ?? '' },
      'PATCH',
    );
    expect(notMember.status).toBe(422);
    expect(notMember.body.type).toMatch(/city-not-member$/);
    expect((await api.problem(`/commissions/${FIRST}`, { chairCityId: hue }, {}, 'PATCH')).status).toBe(428);
    const changed = await api.patch<CommissionResponse>(
      `/commissions/${FIRST}`,
      { chairCityId: hue, mandateStartsOn: '2026-01-01', mandateEndsOn: '2028-12-31' },
      { 'if-match': commission.etag ?? '' },
    );
    expect(changed).toMatchObject({
      status: 200,
      body: {
        chairCityId: hue,
        viceChairCityIds: [],
        mandateStartsOn: '2026-01-01',
        mandateEndsOn: '2028-12-31',
      },
    });
    expect(changed.etag).not.toBe(commission.etag);
    const stale = await api.problem(
      `/commissions/${FIRST}`,
      { mandate: 'Again' },
      { 'if-match': commission.etag ?? '' },
      'PATCH',
    );
    expect(stale.status).toBe(412);
    const members = await api.get<Page<MembershipResponse>>(`/commissions/${FIRST}/members`);
    expect(members.body.items.find((m) => m.cityId === hue)?.role).toBe('chair');

    const left = await new Api(app, cityOfficerOf(hue)).post<MembershipResponse>(
      `/commissions/${FIRST}/members/${hue}/departure`,
      { reason: 'Focusing on the second commission.' },
    );
    expect(left).toMatchObject({
      status: 200,
      body: { status: 'left', endReason: 'Focusing on the second commission.' },
    });
    expect(left.etag).toBe(`W/"${left.body.version}"`);
    const after = await api.get<CommissionResponse>(`/commissions/${FIRST}`);
    expect(after.body).toMatchObject({ chairCityId: null, memberCount: 0 });
    await eventually(() => {
      const bureau = events
        .ofType('c2c.commission.chair-changed.v1')
        .map((m) => JSON.parse(m.value ?? '{}') as EventData<'c2c.commission.chair-changed.v1'>)
        .filter((data) => data.commissionId === FIRST);
      expect(bureau.map((data) => data.chairCityId)).toEqual([hue, null]);
      expect(
        events.ofType('c2c.commission.member-left.v1').map((m) => JSON.parse(m.value ?? '{}') as object),
      ).toContainEqual(expect.objectContaining({ cityId: hue, reason: 'left' }));
    });
    expect((await api.problem(`/commissions/${FIRST}/members/${hue}/departure`)).status).toBe(404);
  });
});
