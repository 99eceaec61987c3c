import {
  commissionOfficer,
  FIRST,
  meetingSetup,
  refusal,
  SECOND,
  KNOWN_CITY,
} from '../../../test/support/meeting-unit-fixtures';
import { HoldMeeting } from './hold-meeting.usecase';

describe(HoldMeeting.name, () => {
  it('records attendance and minutes, held on the day of its own time zone, and writes meeting-held', async () => {
    const { hold, scheduled, outbox } = meetingSetup();
    // 20:00 UTC on the 13th is 03:00 on the 14th in Jakarta: the day the room saw.
    const meeting = await scheduled(FIRST);
    const city = KNOWN_CITY;
    const held = await hold.execute(
      commissionOfficer(FIRST),
      FIRST,
      meeting.id,
      {
        attendingCityIds: [city],
        minutes: 'Opened and closed.',
      },
      1,
    );
    expect(held).toMatchObject({ status: 'held', heldOn: '2026-10-14', version: 2 });
    expect(outbox.ofType('c2c.commission.meeting-held.v1')).toEqual([
      {
        commissionId: FIRST,
        meetingId: meeting.id,
        heldOn: '2026-10-14',
        attendingCityIds: [city],
        minutes: 'Opened and closed.',
      },
    ]);
  });

  it('holding a cancelled or held meeting is a conflict; a stale version, another commission and a stranger are refused', async () => {
    const { hold, cancel, scheduled } = meetingSetup();
    const input = { attendingCityIds: [], minutes: 'M' };
    const cancelled = await scheduled(FIRST);
    await cancel.execute(commissionOfficer(FIRST), FIRST, cancelled.id, 'Typhoon');
    const error = await refusal(hold.execute(commissionOfficer(FIRST), FIRST, cancelled.id, input));
    expect(error).toMatchObject({ kind: 'conflict', code: 'meeting-not-scheduled' });

    const meeting = await scheduled(FIRST);
    expect((await refusal(hold.execute(commissionOfficer(FIRST), FIRST, meeting.id, input, 7))).kind).toBe(
      'version-mismatch',
    );
    expect((await refusal(hold.execute(commissionOfficer(SECOND), FIRST, meeting.id, input))).kind).toBe(
      'forbidden',
    );
    expect((await refusal(hold.execute(commissionOfficer(SECOND), SECOND, meeting.id, input))).kind).toBe(
      'not-found',
    );
    await hold.execute(commissionOfficer(FIRST), FIRST, meeting.id, input);
    expect((await refusal(hold.execute(commissionOfficer(FIRST), FIRST, meeting.id, input))).kind).toBe(
      'conflict',
    );
  });

  it('records an attending city archived since, and refuses one the service never knew (422)', async () => {
    const { hold, scheduled, state } = meetingSetup();
    const archived = state.city('Old Town', { archivedAt: '2026-01-01T00:00:00.000Z' });
    const meeting = await scheduled(FIRST);
    const unknown = '0b7f2c4e-1d7a-4a53-9a4f-3f9f6c1f0c11';
    const error = await refusal(
      hold.execute(commissionOfficer(FIRST), FIRST, meeting.id, {
        attendingCityIds: [archived.cityId, unknown],
        minutes: 'M',
      }),
    );
    expect(error.details.extensions?.errors).toEqual([
      { field: 'attendingCityIds', cityIds: [unknown], message: 'unknown or archived city' },
    ]);
    const held = await hold.execute(commissionOfficer(FIRST), FIRST, meeting.id, {
      attendingCityIds: [archived.cityId],
      minutes: 'M',
    });
    expect(held.attendingCityIds).toEqual([archived.cityId]);
  });
});
