import {
  commissionOfficer,
  FIRST,
  refusal,
  secretariat,
  setup,
} from '../../../test/support/commission-unit-fixtures';
import { CommissionErrorCode } from '../commission.errors';
import { UpdateCommission } from './update-commission.usecase';

describe(UpdateCommission.name, () => {
  it('sets chair, vice-chairs and the mandate period, bumps the version and writes chair-changed', async () => {
    const { update, admitted, hue, kyoto, busan, outbox } = setup();
    for (const city of [hue, kyoto, busan]) await admitted(FIRST, city.cityId);
    const user = secretariat();
    const view = await update.execute(
      user,
      FIRST,
      {
        chairCityId: hue.cityId,
        viceChairCityIds: [kyoto.cityId],
        mandateStartsOn: '2026-01-01',
        mandateEndsOn: '2028-12-31',
      },
      1,
    );
    expect(view).toMatchObject({
      chairCityId: hue.cityId,
      viceChairCityIds: [kyoto.cityId],
      mandateStartsOn: '2026-01-01',
      mandateEndsOn: '2028-12-31',
      version: 2,
      memberCount: 3,
    });
    expect(outbox.ofType('c2c.commission.chair-changed.v1')).toEqual([
      {
        commissionId: FIRST,
        chairCityId: hue.cityId,
        viceChairCityIds: [kyoto.cityId],
        changedBy: user.userId,
      },
    ]);

    // A new chair: the former one becomes a member again, the vice-chairs stay.
    const next = await update.execute(secretariat(), FIRST, { chairCityId: busan.cityId }, 2);
    expect(next).toMatchObject({ chairCityId: busan.cityId, viceChairCityIds: [kyoto.cityId], version: 3 });
  });

  it('refuses a chair or vice-chair that is not a member, naming the field and cities (422)', async () => {
    const { update, admitted, hue, kyoto, busan } = setup();
    await admitted(FIRST, hue.cityId);
    const error = await refusal(
      update.execute(
        secretariat(),
        FIRST,
        { chairCityId: kyoto.cityId, viceChairCityIds: [busan.cityId] },
        undefined,
      ),
    );
    expect(error).toMatchObject({ code: CommissionErrorCode.CityNotMember, kind: 'unprocessable' });
    expect(error.details.extensions?.errors).toEqual([
      expect.objectContaining({ field: 'chairCityId', cityIds: [kyoto.cityId] }),
      expect.objectContaining({ field: 'viceChairCityIds', cityIds: [busan.cityId] }),
    ]);
  });

  it('refuses the chair as a vice-chair and a period ending before it starts (400 naming the field)', async () => {
    const { update, admitted, hue } = setup();
    await admitted(FIRST, hue.cityId);
    const both = await refusal(
      update.execute(
        secretariat(),
        FIRST,
        { chairCityId: hue.cityId, viceChairCityIds: [hue.cityId] },
        undefined,
      ),
    );
    expect(both.details.fields?.map((f) => f.field)).toEqual(['viceChairCityIds']);
    const backwards = await refusal(
      update.execute(
        secretariat(),
        FIRST,
        { mandateStartsOn: '2027-01-01', mandateEndsOn: '2026-01-01' },
        undefined,
      ),
    );
    expect(backwards.details.fields?.map((f) => f.field)).toEqual(['mandateEndsOn']);
  });

  it('only the secretariat; a stale version is a version mismatch; no change, no new version', async () => {
    const { update, outbox } = setup();
    expect((await refusal(update.execute(commissionOfficer(FIRST), FIRST, { mandate: 'x' }, 1))).kind).toBe(
      'forbidden',
    );
    expect((await refusal(update.execute(secretariat(), FIRST, { mandate: 'x' }, 9))).kind).toBe(
      'version-mismatch',
    );
    await expect(update.execute(secretariat(), FIRST, {}, 1)).resolves.toMatchObject({ version: 1 });
    expect(outbox.events).toEqual([]);
  });
});
