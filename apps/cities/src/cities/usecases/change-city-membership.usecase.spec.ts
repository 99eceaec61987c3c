import { cityUseCases, failure, officerOf, secretariat, tehran } from '../../../test/support/fake-city-ports';
import { CityErrorCode } from '../cities.errors';
import { ChangeCityMembership } from './change-city-membership.usecase';

describe(ChangeCityMembership.name, () => {
  it('records the new status and its day, and announces the change once', async () => {
    const { register, membership, outbox } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    const command = { membershipStatus: 'observer' as const, changedOn: '2026-05-14', reason: 'Applied.' };
    const changed = await membership.execute(secretariat, city.id, command);
    expect(changed).toMatchObject({
      membershipStatus: 'observer',
      membershipChangedOn: '2026-05-14',
      version: 2,
    });
    await membership.execute(secretariat, city.id, command);
    expect(outbox.ofType('c2c.city.membership-changed.v1')).toEqual([
      {
        cityId: city.id,
        previousStatus: 'non-member',
        membershipStatus: 'observer',
        changedOn: '2026-05-14',
        reason: 'Applied.',
      },
    ]);
  });

  it('dates the change today, by the clock, unless a day is given', async () => {
    const { register, membership, clock } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    clock.set(new Date('2026-07-01T23:59:00.000Z'));
    const changed = await membership.execute(secretariat, city.id, { membershipStatus: 'member' });
    expect(changed).toMatchObject({ membershipChangedOn: '2026-07-01', updatedAt: clock.now() });
  });

  it('honours an expected version when one is given', async () => {
    const { register, membership } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    const error = await failure(membership.execute(secretariat, city.id, { membershipStatus: 'member' }, 7));
    expect(error).toMatchObject({ code: CityErrorCode.VersionMismatch, details: { currentVersion: 1 } });
    await expect(
      membership.execute(secretariat, city.id, { membershipStatus: 'member' }, 1),
    ).resolves.toMatchObject({ version: 2 });
  });

  it('is not for city officers, even of that city', async () => {
    const { register, membership } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    const error = await failure(
      membership.execute(officerOf(city.id), city.id, { membershipStatus: 'member' }),
    );
    expect(error.code).toBe(CityErrorCode.Forbidden);
  });
});
