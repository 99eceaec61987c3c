import type { Tx } from '@c2c/persistence';
import { FIRST, SECOND, secretariat, setup, THIRD } from '../../../test/support/commission-unit-fixtures';
import { CITY_ARCHIVED_REASON } from '../commission';
import { EndMembershipsOfArchivedCity } from './end-memberships-of-archived-city.usecase';

// The consumer's transaction; the fakes need none.
const tx = {} as Tx;

describe(EndMembershipsOfArchivedCity.name, () => {
  it("ends the city's memberships and pending requests by the platform; other cities stay", async () => {
    const { endOfArchivedCity, admitted, applied, update, hue, kyoto, state, outbox } = setup();
    await admitted(FIRST, hue.cityId);
    await admitted(SECOND, hue.cityId);
    await admitted(FIRST, kyoto.cityId);
    const pending = await applied(THIRD, hue.cityId);
    await update.execute(secretariat(), FIRST, { chairCityId: hue.cityId }, undefined);
    outbox.events.length = 0;

    expect(await endOfArchivedCity.execute(tx, hue.cityId)).toEqual({
      membershipsEnded: 2,
      requestsEnded: 1,
    });

    expect(state.active().map((m) => m.cityId)).toEqual([kyoto.cityId]);
    expect(state.requests.get(pending.id)).toMatchObject({
      status: 'ended',
      reason: CITY_ARCHIVED_REASON,
      decidedBy: null,
    });
    expect(state.viewOf(FIRST)).toMatchObject({ chairCityId: null, memberCount: 1 });
    expect(outbox.ofType('c2c.commission.member-left.v1').map((e) => [e.commissionId, e.reason])).toEqual([
      [FIRST, 'city-archived'],
      [SECOND, 'city-archived'],
    ]);
    expect(outbox.ofType('c2c.commission.chair-changed.v1')).toEqual([
      { commissionId: FIRST, chairCityId: null, viceChairCityIds: [] },
    ]);
    expect(outbox.ofType('c2c.commission.membership-rejected.v1')).toEqual([
      { commissionId: THIRD, requestId: pending.id, cityId: hue.cityId, reason: CITY_ARCHIVED_REASON },
    ]);
  });

  it('does nothing the second time: a redelivery finds nothing left to end', async () => {
    const { endOfArchivedCity, admitted, hue, outbox } = setup();
    await admitted(FIRST, hue.cityId);
    await endOfArchivedCity.execute(tx, hue.cityId);
    outbox.events.length = 0;
    expect(await endOfArchivedCity.execute(tx, hue.cityId)).toEqual({
      membershipsEnded: 0,
      requestsEnded: 0,
    });
    expect(outbox.events).toEqual([]);
  });
});
