import { ServiceWorld } from '@c2c/service/testing';
import { eventually, TopicRecorder } from '@c2c/testing';
import { DetectionReport, RunDetections } from '../src/detections/run-detections.usecase';
import { addDays, dayOf } from '../src/partnerships/calendar';
import {
  Api,
  citiesKnown,
  CityPublisher,
  Partnerships,
  proposalBetween,
  startPartnerships,
} from './support/partnerships';

const N = 12;
const sum = (reports: DetectionReport[]): DetectionReport =>
  reports.reduce((a, b) => ({
    expired: a.expired + b.expired,
    renewalDue: a.renewalDue + b.renewalDue,
    dormant: a.dormant + b.dormant,
  }));

describe('partnerships: time-based detections with two replicas', () => {
  let world: ServiceWorld;
  let first: Partnerships;
  let second: Partnerships;
  let api: Api;
  let events: TopicRecorder;
  let ids: string[];
  let cities: string[];
  const today = dayOf(new Date());
  const endDate = addDays(today, 200);
  const at = (day: string) => new Date(`${day}T06:00:00Z`);

  /** Both replicas run passes at the same moment (two each, as overlapping schedulers might). */
  const passBoth = async (day: string) =>
    sum(await Promise.all([first, second, first, second].map((app) => app.get(RunDetections).run(at(day)))));

  /**
   * How many distinct events of a type each partnership got on the topic, once everything committed
   * has been published (the outbox is empty) and read (the recorder reached each partition's end).
   */
  const emittedCounts = async (type: string): Promise<{ aggregate_id: string; n: number }[]> => {
    await eventually(async () => {
      const [row] = await world.sql<{ n: number }>('select count(*)::int as n from partnerships.outbox');
      expect(row?.n).toBe(0);
    });
    const admin = world.kafka.admin();
    await admin.connect();
    const ends = await admin
      .fetchTopicOffsets(world.topic('c2c.partnerships.v1'))
      .finally(() => admin.disconnect());
    await eventually(() => {
      for (const { partition, high } of ends) {
        const read = events.messages.filter((m) => m.partition === partition).map((m) => Number(m.offset));
        expect(Number(high) === 0 || Math.max(-1, ...read) + 1 >= Number(high)).toBe(true);
      }
    });
    const byPartnership = new Map<string, Set<string>>();
    for (const message of events.ofType(`c2c.partnership.${type}.v1`)) {
      const ids = byPartnership.get(message.key ?? '') ?? new Set<string>();
      ids.add(message.headers.ce_id ?? '');
      byPartnership.set(message.key ?? '', ids);
    }
    return [...byPartnership].map(([aggregate_id, ids]) => ({ aggregate_id, n: ids.size }));
  };

  beforeAll(async () => {
    world = await ServiceWorld.create('p-detections');
    const settings = { DORMANT_AFTER_MONTHS: '3', RENEWAL_NOTICE_DAYS: '90' };
    first = await startPartnerships(world, settings);
    second = await startPartnerships(world, settings);
    const publisher = await CityPublisher.open(world);
    cities = [
      await publisher.register({ name: 'Ulaanbaatar', countryCode: 'MN' }),
      await publisher.register({ name: 'Almaty', countryCode: 'KZ' }),
    ];
    await citiesKnown(first, cities);
    api = new Api(first);
    ids = [];
    for (let i = 0; i < N; i++) {
      const created = await api.post(
        '/partnerships',
        proposalBetween(cities[0]!, [cities[1]!], { startDate: today, endDate }),
      );
      await api.post(`/partnerships/${created.body.id}/acceptances`, { cityId: cities[1] });
      ids.push(created.body.id);
    }
    events = await world.record('c2c.partnerships.v1');
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('announces renewal due and dormancy once per partnership, however many replicas run passes', async () => {
    const day = addDays(today, 150); // 50 days before the end, five months without activity
    expect(await passBoth(day)).toEqual({ expired: 0, renewalDue: N, dormant: N });
    expect(await passBoth(day)).toEqual({ expired: 0, renewalDue: 0, dormant: 0 });
    expect(await passBoth(addDays(day, 7))).toEqual({ expired: 0, renewalDue: 0, dormant: 0 });

    for (const type of ['renewal-due', 'dormant']) {
      const counts = await emittedCounts(type);
      expect(counts.map((c) => c.aggregate_id).sort()).toEqual([...ids].sort());
      expect(counts.every((c) => c.n === 1)).toBe(true);
    }
    await eventually(() => {
      expect(events.ofType('c2c.partnership.renewal-due.v1')).toHaveLength(N);
      expect(events.ofType('c2c.partnership.dormant.v1')).toHaveLength(N);
    });
    const reminder = JSON.parse(events.ofType('c2c.partnership.renewal-due.v1')[0]?.value ?? '{}') as object;
    expect(reminder).toMatchObject({ endDate, daysRemaining: 50 });
    expect((await api.get(`/partnerships/${ids[0]}`)).body.dormant).toBe(true);

    // Even if the flags were lost, the record of what was announced keeps it from being announced again.
    await world.sql('update partnerships.partnerships set renewal_reminded_for = null, dormant_since = null');
    expect(await passBoth(day)).toEqual({ expired: 0, renewalDue: 0, dormant: 0 });
    expect((await emittedCounts('dormant')).every((c) => c.n === 1)).toBe(true);
  });

  it('clears dormancy with a new activity, and flags it again months after that activity', async () => {
    const id = ids[0]!;
    const activityDay = addDays(today, 100);
    const recorded = await api.post(`/partnerships/${id}/activities`, {
      kind: 'peer-exchange',
      title: 'Winter city planning exchange',
      startDate: activityDay,
      participatingCityIds: cities,
    });
    expect(recorded.status).toBe(201);
    expect((await api.get(`/partnerships/${id}`)).body).toMatchObject({
      dormant: false,
      lastActivityOn: activityDay,
    });

    expect(await passBoth(addDays(today, 150))).toEqual({ expired: 0, renewalDue: 0, dormant: 0 });
    expect(await passBoth(addDays(today, 195))).toEqual({ expired: 0, renewalDue: 0, dormant: 1 });
    expect(await passBoth(addDays(today, 196))).toEqual({ expired: 0, renewalDue: 0, dormant: 0 });
    const dormancies = await emittedCounts('dormant');
    expect(dormancies.find((c) => c.aggregate_id === id)?.n).toBe(2);
    await eventually(() => {
      const again = events.ofType('c2c.partnership.dormant.v1').filter((m) => m.key === id);
      expect(again).toHaveLength(2);
      expect(JSON.parse(again[1]?.value ?? '{}')).toMatchObject({
        lastActivityOn: activityDay,
        monthsWithoutActivity: 3,
      });
    });
  });

  it('expires each partnership once, on the day after its end date', async () => {
    expect(await passBoth(endDate)).toEqual({ expired: 0, renewalDue: 0, dormant: 0 });
    expect(await passBoth(addDays(endDate, 1))).toEqual({ expired: N, renewalDue: 0, dormant: 0 });
    expect(await passBoth(addDays(endDate, 2))).toEqual({ expired: 0, renewalDue: 0, dormant: 0 });
    const counts = await emittedCounts('expired');
    expect(counts).toHaveLength(N);
    expect(counts.every((c) => c.n === 1)).toBe(true);
    await eventually(() => expect(events.ofType('c2c.partnership.expired.v1')).toHaveLength(N));
    expect(JSON.parse(events.ofType('c2c.partnership.expired.v1')[0]?.value ?? '{}')).toMatchObject({
      expiredOn: addDays(endDate, 1),
      partnership: { status: 'expired' },
    });
    expect((await api.get(`/partnerships/${ids[1]}`)).body.status).toBe('expired');
  });

  it('runs passes on its own schedule in each replica (DETECTION_INTERVAL_MS)', async () => {
    const scheduled = await startPartnerships(world, { DETECTION_INTERVAL_MS: '300' });
    const created = await api.post(
      '/partnerships',
      proposalBetween(cities[0]!, [cities[1]!], { startDate: '2020-01-01', endDate: '2020-12-31' }),
    );
    await api.post(`/partnerships/${created.body.id}/acceptances`, { cityId: cities[1] });
    await eventually(async () =>
      expect((await api.get(`/partnerships/${created.body.id}`)).body.status).toBe('expired'),
    );
    await world.stop(scheduled);
  });
});
