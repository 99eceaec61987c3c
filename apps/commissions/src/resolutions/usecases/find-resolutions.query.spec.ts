import {
  FIRST,
  meetingSetup,
  portsOf,
  SECOND,
  KNOWN_CITY,
} from '../../../test/support/meeting-unit-fixtures';
import { FindResolutions } from './find-resolutions.query';

describe(FindResolutions.name, () => {
  it("pages a commission's resolutions with their actions, and only that commission's", async () => {
    const { resolutions, state, adopted } = meetingSetup();
    const find = new FindResolutions(resolutions, portsOf(state).commissions);
    const resolution = await adopted(FIRST, KNOWN_CITY);
    expect(await find.page(FIRST, 10)).toEqual({ items: [resolution], nextCursor: null });
    expect(await find.page(SECOND, 10)).toEqual({ items: [], nextCursor: null });
  });
});
