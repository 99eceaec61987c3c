import type { Page, ProblemDetails } from '@c2c/platform';
import { ServiceWorld } from '@c2c/service/testing';
import { eventually, type TopicRecorder } from '@c2c/testing';
import type { MeetingResponse } from '../src/meetings/dto/meeting.dto';
import type { ActionResponse, ResolutionResponse } from '../src/resolutions/dto/resolution.dto';
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

const OWNER = '5b0e8a52-95f5-4d8e-9a8f-0b6c1b7f7a11';
const OTHER_CITY = '6c1f9b63-a6f6-4e9f-8b90-1c7d2c808b22';

describe('commissions: resolutions adopted at held meetings, and their follow-up actions', () => {
  let world: ServiceWorld;
  let app: Commissions;
  let officer: Api;
  let events: TopicRecorder;

  beforeAll(async () => {
    world = await ServiceWorld.create('c-resolutions');
    app = await startCommissions(world);
    const cities = await CityPublisher.open(world);
    await cities.register({ cityId: OWNER, name: 'Surabaya', countryCode: 'ID' });
    await cities.register({ cityId: OTHER_CITY, name: 'Kitakyushu', countryCode: 'JP' });
    await citiesKnown(app, [OWNER, OTHER_CITY]);
    officer = new Api(app, commissionOfficerOf(FIRST));
    events = await world.record('c2c.commissions.v1');
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  const scheduled = async () =>
    (
      await officer.post<MeetingResponse>(`/commissions/${FIRST}/meetings`, {
        title: 'Meeting',
        startsAt: '2026-10-14T02:00:00Z',
        timeZone: 'Asia/Jakarta',
        onlineUrl: 'https://meet.example.org/c2c',
      })
    ).body;
  const held = async () => {
    const meeting = await scheduled();
    await officer.post(`/commissions/${FIRST}/meetings/${meeting.id}/minutes`, {
      attendingCityIds: [OWNER],
      minutes: 'Met.',
    });
    return meeting;
  };
  const resolutionOf = (meetingId: string) => ({
    meetingId,
    kind: 'declaration',
    title: 'Surabaya Declaration',
    text: 'The member cities commit to sharing composting.',
    actions: [{ ownerCityId: OWNER, description: 'Host a workshop.', dueDate: '2027-03-31' }],
  });
  const actionPath = (resolutionId: string, actionId: string) =>
    `/commissions/${FIRST}/resolutions/${resolutionId}/actions/${actionId}`;

  it('held meeting → resolution with an open action → owner city moves it with If-Match; events on the topic', async () => {
    const meeting = await held();
    const adopted = await officer.post<ResolutionResponse>(
      `/commissions/${FIRST}/resolutions`,
      resolutionOf(meeting.id),
    );
    expect(adopted).toMatchObject({
      status: 201,
      etag: 'W/"1"',
      body: {
        meetingId: meeting.id,
        kind: 'declaration',
        actions: [{ ownerCityId: OWNER, status: 'open', version: 1 }],
      },
    });
    const action = adopted.body.actions[0];
    if (action === undefined) throw new Error('no action');

    const listed = await new Api(app, OBSERVER).get<Page<ResolutionResponse>>(
      `/commissions/${FIRST}/resolutions`,
    );
    expect(listed.body.items.map((r) => r.id)).toContain(adopted.body.id);

    const owner = new Api(app, cityOfficerOf(OWNER));
    const unconditional = await owner.problem(
      actionPath(adopted.body.id, action.id),
      { status: 'in-progress' },
      {},
      'PATCH',
    );
    expect(unconditional.status).toBe(428);
    const changed = await owner.patch<ActionResponse>(
      actionPath(adopted.body.id, action.id),
      { status: 'in-progress' },
      { 'if-match': 'W/"1"' },
    );
    expect(changed).toMatchObject({
      status: 200,
      etag: 'W/"2"',
      body: { status: 'in-progress', version: 2 },
    });
    const stale = await owner.problem(
      actionPath(adopted.body.id, action.id),
      { status: 'done' },
      { 'if-match': 'W/"1"' },
      'PATCH',
    );
    expect(stale.status).toBe(412);

    await eventually(() => {
      const of = (type: string) =>
        events
          .ofType(type)
          .filter(
            (m) =>
              (JSON.parse(m.value ?? '{}') as { resolutionId?: string }).resolutionId === adopted.body.id,
          );
      if (of('c2c.commission.resolution-adopted.v1').length !== 1)
        throw new Error('no resolution-adopted yet');
      const statusChanges = of('c2c.commission.action-status-changed.v1');
      if (statusChanges.length !== 1) throw new Error('no action-status-changed yet');
      expect(JSON.parse(statusChanges[0]?.value ?? '{}')).toMatchObject({
        previousStatus: 'open',
        status: 'in-progress',
      });
    });
  });

  it('adopting at a meeting not held (scheduled or cancelled) is 409 meeting-not-held', async () => {
    const meeting = await scheduled();
    const early = await officer.problem(`/commissions/${FIRST}/resolutions`, resolutionOf(meeting.id));
    expect(early).toMatchObject({ status: 409, body: { currentStatus: 'scheduled' } });
    expect(early.body.type).toContain('meeting-not-held');
    await officer.post(`/commissions/${FIRST}/meetings/${meeting.id}/cancellation`, { reason: 'Typhoon' });
    const cancelled = await officer.problem(`/commissions/${FIRST}/resolutions`, resolutionOf(meeting.id));
    expect(cancelled).toMatchObject({ status: 409, body: { currentStatus: 'cancelled' } });
  });

  it('bad input is 400 naming the field; another city, another commission and an observer are 403', async () => {
    const meeting = await held();
    const bad = await officer.problem(`/commissions/${FIRST}/resolutions`, {
      ...resolutionOf(meeting.id),
      actions: [{ ownerCityId: OWNER, description: 'X', dueDate: '2027-02-30' }],
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Fields).errors?.map((e) => e.field).join(' ')).toContain('dueDate');
    for (const caller of [commissionOfficerOf(SECOND), OBSERVER]) {
      expect(
        (await new Api(app, caller).problem(`/commissions/${FIRST}/resolutions`, resolutionOf(meeting.id)))
          .status,
      ).toBe(403);
    }
    const adopted = await officer.post<ResolutionResponse>(
      `/commissions/${FIRST}/resolutions`,
      resolutionOf(meeting.id),
    );
    const actionId = adopted.body.actions[0]?.id ?? '';
    const stranger = await new Api(app, cityOfficerOf(OTHER_CITY)).problem(
      actionPath(adopted.body.id, actionId),
      { status: 'done' },
      { 'if-match': 'W/"1"' },
      'PATCH',
    );
    expect(stranger.status).toBe(403);
    const badStatus = await officer.problem(
      actionPath(adopted.body.id, actionId),
      { status: 'finished' },
      { 'if-match': 'W/"1"' },
      'PATCH',
    );
    expect(badStatus.status).toBe(400);
  });
});
