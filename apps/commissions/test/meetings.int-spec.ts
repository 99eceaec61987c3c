import type { Page, ProblemDetails } from '@c2c/platform';
import { ServiceWorld } from '@c2c/service/testing';
import { eventually, type TopicRecorder } from '@c2c/testing';
import type { MeetingResponse } from '../src/meetings/dto/meeting.dto';
import {
  Api,
  citiesKnown,
  CityPublisher,
  commissionOfficerOf,
  FIRST,
  OBSERVER,
  SECOND,
  startCommissions,
  type Commissions,
} from './support/commissions';

type Fields = ProblemDetails & { errors?: { field: string }[] };

const HOST = '5b0e8a52-95f5-4d8e-9a8f-0b6c1b7f7a11';
const meetingInput = {
  title: 'Second meeting of the commission, Surabaya',
  startsAt: '2026-10-13T20:00:00Z',
  timeZone: 'Asia/Jakarta',
  hostCityId: HOST,
  agenda: [
    { title: 'Opening by the Mayor of Surabaya' },
    { title: 'Waste management', description: 'Takakura' },
  ],
};

describe('commissions: meetings scheduled, held or cancelled', () => {
  let world: ServiceWorld;
  let app: Commissions;
  let officer: Api;
  let events: TopicRecorder;

  beforeAll(async () => {
    world = await ServiceWorld.create('c-meetings');
    app = await startCommissions(world);
    const cities = await CityPublisher.open(world);
    await cities.register({ cityId: HOST, name: 'Surabaya', countryCode: 'ID' });
    await citiesKnown(app, [HOST]);
    officer = new Api(app, commissionOfficerOf(FIRST));
    events = await world.record('c2c.commissions.v1');
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  const schedule = () => officer.post<MeetingResponse>(`/commissions/${FIRST}/meetings`, meetingInput);
  const path = (meetingId: string, what: string) => `/commissions/${FIRST}/meetings/${meetingId}/${what}`;

  it('schedule → list → held with attendance and minutes, meeting-scheduled and meeting-held on the topic', async () => {
    const scheduled = await schedule();
    expect(scheduled).toMatchObject({
      status: 201,
      etag: 'W/"1"',
      location: `/commissions/${FIRST}/meetings/${scheduled.body.id}`,
      body: { status: 'scheduled', timeZone: 'Asia/Jakarta', hostCityId: HOST, onlineUrl: null },
    });
    const listed = await new Api(app, OBSERVER).get<Page<MeetingResponse>>(`/commissions/${FIRST}/meetings`);
    expect(listed.body.items.map((m) => m.id)).toContain(scheduled.body.id);

    const held = await officer.post<MeetingResponse>(
      path(scheduled.body.id, 'minutes'),
      { attendingCityIds: [HOST], minutes: 'The commission met and agreed.' },
      { 'if-match': scheduled.etag ?? '' },
    );
    expect(held).toMatchObject({
      status: 200,
      etag: 'W/"2"',
      body: { status: 'held', heldOn: '2026-10-14', attendingCityIds: [HOST] },
    });

    await eventually(() => {
      const ofMeeting = (type: string) =>
        events
          .ofType(type)
          .filter(
            (m) => (JSON.parse(m.value ?? '{}') as { meetingId?: string }).meetingId === scheduled.body.id,
          );
      if (ofMeeting('c2c.commission.meeting-scheduled.v1').length !== 1)
        throw new Error('no meeting-scheduled yet');
      const heldEvents = ofMeeting('c2c.commission.meeting-held.v1');
      if (heldEvents.length !== 1) throw new Error('no meeting-held yet');
      expect(JSON.parse(heldEvents[0]?.value ?? '{}')).toMatchObject({
        heldOn: '2026-10-14',
        attendingCityIds: [HOST],
      });
    });
  });

  it('cancelled, then holding it is 409 meeting-not-scheduled; a stale If-Match is 412', async () => {
    const scheduled = await schedule();
    const stale = await officer.problem(
      path(scheduled.body.id, 'cancellation'),
      { reason: 'Typhoon' },
      { 'if-match': 'W/"9"' },
    );
    expect(stale.status).toBe(412);
    const cancelled = await officer.post<MeetingResponse>(path(scheduled.body.id, 'cancellation'), {
      reason: 'Typhoon',
    });
    expect(cancelled).toMatchObject({
      status: 200,
      body: { status: 'cancelled', cancellationReason: 'Typhoon' },
    });
    const conflict = await officer.problem(path(scheduled.body.id, 'minutes'), {
      attendingCityIds: [],
      minutes: 'M',
    });
    expect(conflict).toMatchObject({
      status: 409,
      body: { currentStatus: 'cancelled' },
    });
    expect(conflict.contentType).toContain('application/problem+json');
    expect(conflict.body.type).toContain('meeting-not-scheduled');
  });

  it('bad input is 400 naming the field; an officer of another commission and an observer are 403', async () => {
    const bad = await officer.problem(`/commissions/${FIRST}/meetings`, {
      ...meetingInput,
      timeZone: 'Mars/Olympus',
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Fields).errors?.map((e) => e.field)).toContain('timeZone');
    const nowhere = await officer.problem(`/commissions/${FIRST}/meetings`, {
      ...meetingInput,
      hostCityId: undefined,
    });
    expect(nowhere.status).toBe(400);
    expect((nowhere.body as Fields).errors?.map((e) => e.field)).toEqual(['hostCityId', 'onlineUrl']);
    const badId = await officer.problem(`/commissions/${FIRST}/meetings/not-a-uuid/minutes`, {
      attendingCityIds: [],
      minutes: 'M',
    });
    expect(badId.status).toBe(400);
    for (const caller of [commissionOfficerOf(SECOND), OBSERVER]) {
      expect(
        (await new Api(app, caller).problem(`/commissions/${FIRST}/meetings`, meetingInput)).status,
      ).toBe(403);
    }
  });

  it('a host city the service does not know is 422 city-unknown, naming hostCityId', async () => {
    const unknown = '0b7f2c4e-1d7a-4a53-9a4f-3f9f6c1f0c11';
    const reply = await officer.problem(`/commissions/${FIRST}/meetings`, {
      ...meetingInput,
      hostCityId: unknown,
    });
    expect(reply.status).toBe(422);
    expect(reply.contentType).toContain('application/problem+json');
    expect(reply.body.type).toContain('city-unknown');
    expect((reply.body as Fields).errors).toEqual([
      { field: 'hostCityId', cityIds: [unknown], message: 'unknown or archived city' },
    ]);
  });
});
