import {
  cityOfficer,
  FIRST,
  refusal,
  secretariat,
  setup,
} from '../../../test/support/commission-unit-fixtures';
import { LeaveCommission } from './leave-commission.usecase';

describe(LeaveCommission.name, () => {
  it("ends the city's membership at its own officer's request and writes member-left", async () => {
    const { leave, admitted, hue, outbox, state } = setup();
    await admitted(FIRST, hue.cityId);
    const left = await leave.execute(cityOfficer(hue.cityId), FIRST, hue.cityId, 'Other priorities.');
    expect(left).toMatchObject({ status: 'left', endReason: 'Other priorities.', version: 2 });
    expect(state.viewOf(FIRST)?.memberCount).toBe(0);
    expect(outbox.ofType('c2c.commission.member-left.v1')).toEqual([
      { commissionId: FIRST, cityId: hue.cityId, reason: 'left', leftOn: '2026-06-02' },
    ]);
    expect(outbox.ofType('c2c.commission.chair-changed.v1')).toEqual([]);
  });

  it('a leaving chair gives up the seat: the commission moves on a version and chair-changed goes out', async () => {
    const { leave, admitted, update, hue, kyoto, outbox, state } = setup();
    await admitted(FIRST, hue.cityId);
    await admitted(FIRST, kyoto.cityId);
    await update.execute(
      secretariat(),
      FIRST,
      { chairCityId: hue.cityId, viceChairCityIds: [kyoto.cityId] },
      undefined,
    );
    const version = state.viewOf(FIRST)?.version ?? 0;
    await leave.execute(secretariat(), FIRST, hue.cityId, null);
    expect(state.viewOf(FIRST)).toMatchObject({
      chairCityId: null,
      viceChairCityIds: [kyoto.cityId],
      version: version + 1,
    });
    expect(outbox.ofType('c2c.commission.chair-changed.v1').at(-1)).toEqual({
      commissionId: FIRST,
      chairCityId: null,
      viceChairCityIds: [kyoto.cityId],
    });
  });

  it('refuses an officer of another city, a city that is not a member, and a stale version', async () => {
    const { leave, admitted, hue, kyoto } = setup();
    await admitted(FIRST, hue.cityId);
    expect((await refusal(leave.execute(cityOfficer(kyoto.cityId), FIRST, hue.cityId, null))).kind).toBe(
      'forbidden',
    );
    expect((await refusal(leave.execute(secretariat(), FIRST, kyoto.cityId, null))).kind).toBe('not-found');
    expect((await refusal(leave.execute(secretariat(), FIRST, hue.cityId, null, 5))).kind).toBe(
      'version-mismatch',
    );
  });
});
