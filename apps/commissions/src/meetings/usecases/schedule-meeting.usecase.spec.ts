import {
  commissionOfficer,
  FIRST,
  meetingSetup,
  observer,
  refusal,
  SECOND,
  KNOWN_CITY,
} from '../../../test/support/meeting-unit-fixtures';
import { ScheduleMeeting } from './schedule-meeting.usecase';

describe(ScheduleMeeting.name, () => {
  it('schedules a meeting at version 1 and writes meeting-scheduled with its place and agenda', async () => {
    const { schedule, outbox } = meetingSetup();
    const host = KNOWN_CITY;
    const meeting = await schedule.execute(commissionOfficer(FIRST), FIRST, {
      title: 'Second meeting, Surabaya',
      startsAt: '2026-10-14T02:00:00Z',
      timeZone: 'Asia/Jakarta',
      hostCityId: host,
      agenda: [{ title: 'Opening', description: 'By the Mayor' }],
    });
    expect(meeting).toMatchObject({ status: 'scheduled', version: 1, hostCityId: host, onlineUrl: null });
    expect(outbox.ofType('c2c.commission.meeting-scheduled.v1')).toEqual([
      {
        commissionId: FIRST,
        meetingId: meeting.id,
        title: 'Second meeting, Surabaya',
        startsAt: '2026-10-14T02:00:00.000Z',
        timeZone: 'Asia/Jakarta',
        hostCityId: host,
        agenda: [{ title: 'Opening', description: 'By the Mayor' }],
      },
    ]);
  });

  it('refuses a meeting with neither host city nor online link, naming both fields', async () => {
    const { schedule } = meetingSetup();
    const error = await refusal(
      schedule.execute(commissionOfficer(FIRST), FIRST, {
        title: 'Nowhere',
        startsAt: '2026-10-14T02:00:00Z',
        timeZone: 'Asia/Jakarta',
      }),
    );
    expect(error.kind).toBe('invalid');
    expect(error.details.fields?.map((f) => f.field)).toEqual(['hostCityId', 'onlineUrl']);
  });

  it('refuses an officer of another commission and an observer', async () => {
    const { schedule, outbox } = meetingSetup();
    const input = {
      title: 'T',
      startsAt: '2026-10-14T02:00:00Z',
      timeZone: 'UTC',
      onlineUrl: 'https://x.org',
    };
    for (const caller of [commissionOfficer(SECOND), observer()]) {
      expect((await refusal(schedule.execute(caller, FIRST, input))).kind).toBe('forbidden');
    }
    expect(outbox.ofType('c2c.commission.meeting-scheduled.v1')).toEqual([]);
  });

  it('refuses a host city the service does not know, or an archived one, as 422 naming hostCityId', async () => {
    const { schedule, state } = meetingSetup();
    const archived = state.city('Old Town', { archivedAt: '2026-01-01T00:00:00.000Z' });
    for (const hostCityId of ['0b7f2c4e-1d7a-4a53-9a4f-3f9f6c1f0c11', archived.cityId]) {
      const error = await refusal(
        schedule.execute(commissionOfficer(FIRST), FIRST, {
          title: 'T',
          startsAt: '2026-10-14T02:00:00Z',
          timeZone: 'UTC',
          hostCityId,
        }),
      );
      expect(error).toMatchObject({ kind: 'unprocessable', code: 'city-unknown' });
      expect(error.details.extensions?.errors).toEqual([
        { field: 'hostCityId', cityIds: [hostCityId], message: 'unknown or archived city' },
      ]);
    }
  });
});
