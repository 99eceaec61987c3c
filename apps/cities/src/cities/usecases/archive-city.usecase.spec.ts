import { cityUseCases, failure, NOW, secretariat, tehran } from '../../../test/support/fake-city-ports';
import { CityErrorCode } from '../cities.errors';
import { ArchiveCity } from './archive-city.usecase';

describe(ArchiveCity.name, () => {
  it('archives once, announces it, and then refuses changes but still reads the city', async () => {
    const { register, archive, update, membership, find, outbox } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    const archived = await archive.execute(secretariat, city.id, 'Duplicate record.');
    expect(archived).toMatchObject({ archivedAt: NOW, version: 2 });
    const again = await archive.execute(secretariat, city.id);
    expect(again.version).toBe(2);
    expect(outbox.ofType('c2c.city.archived.v1')).toEqual([
      {
        cityId: city.id,
        name: 'Tehran',
        countryCode: 'IR',
        reason: 'Duplicate record.',
        archivedAt: NOW.toISOString(),
      },
    ]);
    const edit = await failure(update.execute(secretariat, city.id, { population: 1 }, undefined));
    expect(edit).toMatchObject({ code: CityErrorCode.Archived, kind: 'conflict' });
    const error = await failure(membership.execute(secretariat, city.id, { membershipStatus: 'member' }));
    expect(error.code).toBe(CityErrorCode.Archived);
    await expect(find.byId(city.id)).resolves.toMatchObject({ id: city.id });
    expect((await find.page({ includeArchived: false }, 10)).items).toHaveLength(0);
  });

  it('is for the secretariat only', async () => {
    const { register, archive } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    const officer = { ...secretariat, roles: ['city-officer' as const], cityId: city.id };
    expect((await failure(archive.execute(officer, city.id))).code).toBe(CityErrorCode.Forbidden);
  });
});
