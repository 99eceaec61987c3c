import {
  FIRST,
  meetingSetup,
  observer,
  refusal,
  secretariat,
} from '../../../test/support/meeting-unit-fixtures';
import { CancelMeeting } from './cancel-meeting.usecase';

describe(CancelMeeting.name, () => {
  it('cancels with the reason and writes meeting-cancelled', async () => {
    const { cancel, scheduled, outbox } = meetingSetup();
    const meeting = await scheduled(FIRST);
    const cancelled = await cancel.execute(secretariat(), FIRST, meeting.id, 'Typhoon warning', 1);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Typhoon warning',
      version: 2,
    });
    expect(outbox.ofType('c2c.commission.meeting-cancelled.v1')).toEqual([
      { commissionId: FIRST, meetingId: meeting.id, reason: 'Typhoon warning' },
    ]);
  });

  it('a held meeting is not cancelled (conflict); an observer may not cancel', async () => {
    const { cancel, hold, scheduled } = meetingSetup();
    const meeting = await scheduled(FIRST);
    expect((await refusal(cancel.execute(observer(), FIRST, meeting.id, 'no'))).kind).toBe('forbidden');
    await hold.execute(secretariat(), FIRST, meeting.id, { attendingCityIds: [], minutes: 'M' });
    expect((await refusal(cancel.execute(secretariat(), FIRST, meeting.id, 'no'))).kind).toBe('conflict');
  });
});
