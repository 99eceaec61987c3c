import { FIRST, meetingSetup, portsOf, SECOND } from '../../../test/support/meeting-unit-fixtures';
import { FindResolutions } from './find-resolutions.query';

describe(FindResolutions.name, () => {
  it("pages a commission's resolutions with their actions, and only that commission's", async () => {
    const { resolutions, state, adopted } = meetingSetup();
    const find = new FindResolutions(resolutions, portsOf(state).commissions);
    const resolution = await adopted(FIRST, '5b0e8a52-95f5-4d8e-9a8f-0b6c1b7f7a11');
    expect(await find.page(FIRST, 10)).toEqual({ items: [resolution], nextCursor: null });
    expect(await find.page(SECOND, 10)).toEqual({ items: [], nextCursor: null });
  });
});
