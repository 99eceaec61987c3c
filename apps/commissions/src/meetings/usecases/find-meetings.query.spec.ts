import { FIRST, meetingSetup, refusal } from '../../../test/support/meeting-unit-fixtures';
import { portsOf } from '../../../test/support/fake-commission-ports';
import { FindMeetings } from './find-meetings.query';

describe(FindMeetings.name, () => {
  it("pages a commission's meetings earliest first; an unknown commission is not found", async () => {
    const { meetings, state, scheduled } = meetingSetup();
    const find = new FindMeetings(meetings, portsOf(state).commissions);
    const meeting = await scheduled(FIRST);
    expect(await find.page(FIRST, 10)).toEqual({ items: [meeting], nextCursor: null });
    const unknown = 'c0000000-0000-4000-8000-000000000009';
    expect((await refusal(find.page(unknown, 10))).kind).toBe('not-found');
  });
});
