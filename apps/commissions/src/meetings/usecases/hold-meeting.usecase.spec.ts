import {
  commissionOfficer,
  FIRST,
  meetingSetup,
  refusal,
  SECOND,
} from '../../../test/support/meeting-unit-fixtures';
import { HoldMeeting } from './hold-meeting.usecase';

describe(HoldMeeting.name, () => {
  it('records attendance and minutes, held on the day of its own time zone, and writes meeting-held', async () => {
    const { hold, scheduled, outbox } = meetingSetup();
    // 20:00 UTC on the 13th is 03:00 on the 14th in Jakarta: the day the room saw.
    const meeting = await scheduled(FIRST);
    const city = '5b0e8a52-95f5-4d8e-9a8f-0b6c1b7f7a11';
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
});
