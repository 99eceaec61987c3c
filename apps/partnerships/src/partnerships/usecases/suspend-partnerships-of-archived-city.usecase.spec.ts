import type { Tx } from '@c2c/persistence';
import { setup } from '../../../test/support/partnership-unit-fixtures';
import {
  CITY_ARCHIVED_REASON,
  SuspendPartnershipsOfArchivedCity,
} from './suspend-partnerships-of-archived-city.usecase';

// The consumer's transaction; the fakes need none.
const tx = {} as Tx;

describe(SuspendPartnershipsOfArchivedCity.name, () => {
  it("suspends the city's active partnerships by the platform, about that city; others stay", async () => {
    const { suspendOfArchivedCity, active, proposed, hue, kyoto, nara, busan, store, outbox } = setup();
    const withKyoto = await active(hue, [kyoto]);
    const kyotoAndBusan = await active(busan, [kyoto]);
    const elsewhere = await active(hue, [busan]);
    const stillProposed = await proposed(nara, [kyoto, busan]);

    expect(await suspendOfArchivedCity.execute(tx, kyoto.cityId)).toBe(2);

    const statusOf = (id: string) => store.rows.get(id)?.status;
    expect([withKyoto, kyotoAndBusan].map((p) => statusOf(p.id))).toEqual(['suspended', 'suspended']);
    expect(statusOf(elsewhere.id)).toBe('active');
    expect(statusOf(stillProposed.id)).toBe('proposed');
    expect(store.history.slice(-2)).toEqual([
      expect.objectContaining({
        action: 'suspended',
        actorId: null,
        cityId: kyoto.cityId,
        reason: CITY_ARCHIVED_REASON,
      }),
      expect.objectContaining({
        action: 'suspended',
        actorId: null,
        cityId: kyoto.cityId,
        reason: CITY_ARCHIVED_REASON,
      }),
    ]);
    expect(outbox.ofType('c2c.partnership.suspended.v1')).toEqual([
      expect.objectContaining({ actorId: null, reason: CITY_ARCHIVED_REASON }),
      expect.objectContaining({ actorId: null, reason: CITY_ARCHIVED_REASON }),
    ]);
  });

  it('does nothing the second time: the partnerships are no longer active', async () => {
    const { suspendOfArchivedCity, active, kyoto, outbox } = setup();
    await active();
    await suspendOfArchivedCity.execute(tx, kyoto.cityId);
    outbox.events.length = 0;
    expect(await suspendOfArchivedCity.execute(tx, kyoto.cityId)).toBe(0);
    expect(outbox.events).toEqual([]);
  });
});
