import { ServiceWorld } from '@c2c/service/testing';
import { eventually, type TopicRecorder } from '@c2c/testing';
import type { MeetingResponse } from '../src/meetings/dto/meeting.dto';
import { RunOverdueSweep } from '../src/overdue/run-overdue-sweep.usecase';
import type { ResolutionResponse } from '../src/resolutions/dto/resolution.dto';
import {
  Api,
  citiesKnown,
  CityPublisher,
  commissionOfficerOf,
  FIRST,
  startCommissions,
  type Commissions,
} from './support/commissions';

const N = 12;
const OWNER = '5b0e8a52-95f5-4d8e-9a8f-0b6c1b7f7a11';
// One instant for the whole file, so due days and the sweeps' "now" agree even across midnight UTC.
const NOW = new Date();
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

describe('commissions: overdue actions announced once with two instances', () => {
  let world: ServiceWorld;
  let first: Commissions;
  let second: Commissions;
  let events: TopicRecorder;
  let overdueIds: string[];
  let notDueId: string;

  beforeAll(async () => {
    world = await ServiceWorld.create('c-overdue');
    // The schedulers off: the test runs the passes itself, at the same moment in both instances.
    first = await startCommissions(world, { OVERDUE_SWEEP_INTERVAL_MS: '0' });
    second = await startCommissions(world, { OVERDUE_SWEEP_INTERVAL_MS: '0' });
    const cities = await CityPublisher.open(world);
    await cities.register({ cityId: OWNER, name: 'Surabaya', countryCode: 'ID' });
    await citiesKnown(first, [OWNER]);
    const officer = new Api(first, commissionOfficerOf(FIRST));
    const meeting = (
      await officer.post<MeetingResponse>(`/commissions/${FIRST}/meetings`, {
        title: 'Meeting',
        startsAt: '2026-10-14T02:00:00Z',
        timeZone: 'Asia/Jakarta',
        onlineUrl: 'https://meet.example.org/c2c',
      })
    ).body;
    await officer.post(`/commissions/${FIRST}/meetings/${meeting.id}/minutes`, {
      attendingCityIds: [],
      minutes: 'Met.',
    });
    const actions = [
      ...Array.from({ length: N }, (_, i) => ({
        ownerCityId: OWNER,
        description: `Late ${i}`,
        dueDate: day(-3),
      })),
      { ownerCityId: OWNER, description: 'Not due yet', dueDate: day(30) },
      { ownerCityId: OWNER, description: 'Done in time', dueDate: day(-3) },
    ];
    const adopted = await officer.post<ResolutionResponse>(`/commissions/${FIRST}/resolutions`, {
      meetingId: meeting.id,
      kind: 'resolution',
      title: 'Follow-up',
      text: 'Resolved.',
      actions,
    });
    expect(adopted.status).toBe(201);
    overdueIds = adopted.body.actions.slice(0, N).map((a) => a.id);
    notDueId = adopted.body.actions[N]?.id ?? '';
    const doneAction = adopted.body.actions[N + 1];
    const done = await officer.patch(
      `/commissions/${FIRST}/resolutions/${adopted.body.id}/actions/${doneAction?.id ?? ''}`,
      { status: 'done' },
      { 'if-match': 'W/"1"' },
    );
    expect(done.status).toBe(200);
    events = await world.record('c2c.commissions.v1');
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  /** Waits until the outbox is empty and the recorder has read every partition to its end. */
  const allPublishedAndRead = async () => {
    await eventually(async () => {
      const [row] = await world.sql<{ n: number }>('select count(*)::int as n from commissions.outbox');
      expect(row?.n).toBe(0);
    });
    const admin = world.kafka.admin();
    await admin.connect();
    const ends = await admin
      .fetchTopicOffsets(world.topic('c2c.commissions.v1'))
      .finally(() => admin.disconnect());
    await eventually(() => {
      for (const { partition, high } of ends) {
        const read = events.messages.filter((m) => m.partition === partition).map((m) => Number(m.offset));
        expect(Number(high) === 0 || Math.max(-1, ...read) + 1 >= Number(high)).toBe(true);
      }
    });
  };

  it('two instances sweeping at once announce each overdue action exactly once, and never again', async () => {
    const passBoth = async () =>
      (
        await Promise.all([first, second, first, second].map((app) => app.get(RunOverdueSweep).run(NOW)))
      ).reduce((a, b) => a + b);
    expect(await passBoth()).toBe(N);
    expect(await passBoth()).toBe(0);

    // Everything committed has been published and read before counting what is on the topic.
    await allPublishedAndRead();
    const perAction = () => {
      const byAction = new Map<string, Set<string>>();
      for (const message of events.ofType('c2c.commission.action-overdue.v1')) {
        const { actionId } = JSON.parse(message.value ?? '{}') as { actionId: string };
        const ids = byAction.get(actionId) ?? new Set<string>();
        ids.add(message.headers.ce_id ?? '');
        byAction.set(actionId, ids);
      }
      return byAction;
    };
    await eventually(() => {
      expect([...perAction().keys()].sort()).toEqual([...overdueIds].sort());
    });
    expect([...perAction().values()].every((ids) => ids.size === 1)).toBe(true);
    expect(perAction().has(notDueId)).toBe(false);
    const sample = JSON.parse(events.ofType('c2c.commission.action-overdue.v1')[0]?.value ?? '{}') as object;
    expect(sample).toMatchObject({
      commissionId: FIRST,
      ownerCityId: OWNER,
      dueDate: day(-3),
      daysOverdue: 3,
    });
  });

  it('the scheduled job of two instances started with an interval announces a new overdue action once', async () => {
    const officer = new Api(first, commissionOfficerOf(FIRST));
    const meeting = (
      await officer.post<MeetingResponse>(`/commissions/${FIRST}/meetings`, {
        title: 'Another meeting',
        startsAt: '2026-10-15T02:00:00Z',
        timeZone: 'Asia/Jakarta',
        onlineUrl: 'https://meet.example.org/c2c',
      })
    ).body;
    await officer.post(`/commissions/${FIRST}/meetings/${meeting.id}/minutes`, {
      attendingCityIds: [],
      minutes: 'Met.',
    });
    const adopted = await officer.post<ResolutionResponse>(`/commissions/${FIRST}/resolutions`, {
      meetingId: meeting.id,
      kind: 'resolution',
      title: 'More follow-up',
      text: 'Resolved.',
      actions: [{ ownerCityId: OWNER, description: 'Late again', dueDate: day(-1) }],
    });
    const actionId = adopted.body.actions[0]?.id ?? '';
    // A short interval: each instance's scheduler runs passes on its own, several while the test waits.
    await Promise.all([
      startCommissions(world, { OVERDUE_SWEEP_INTERVAL_MS: '50' }),
      startCommissions(world, { OVERDUE_SWEEP_INTERVAL_MS: '50' }),
    ]);
    const announcements = () =>
      events
        .ofType('c2c.commission.action-overdue.v1')
        .filter((m) => (JSON.parse(m.value ?? '{}') as { actionId?: string }).actionId === actionId);
    await eventually(() => expect(announcements()).toHaveLength(1), { timeout: 20_000 });
    // The schedulers keep running passes; once all they committed is published and read to the end of
    // the topic, there is still the one announcement.
    await allPublishedAndRead();
    expect(announcements()).toHaveLength(1);
  }, 60_000);
});
