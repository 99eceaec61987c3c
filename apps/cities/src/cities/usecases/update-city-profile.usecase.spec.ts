import {
  cityUseCases,
  failure,
  NOW,
  officerOf,
  secretariat,
  tehran,
} from '../../../test/support/fake-city-ports';
import { CityErrorCode } from '../cities.errors';
import { UpdateCityProfile } from './update-city-profile.usecase';

describe(UpdateCityProfile.name, () => {
  it('changes only what differs, bumps the version and publishes new values (null when removed)', async () => {
    const { register, update, outbox, clock, store } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    clock.advance(60_000);
    const updated = await update.execute(
      secretariat,
      city.id,
      {
        population: 9_039_000,
        populationYear: 2021,
        localName: null,
        sdgFocus: [],
        name: 'Tehran',
        leaderName: 'Alireza Zakani',
      },
      1,
    );
    expect(updated).toMatchObject({ version: 2, population: 9_039_000, localName: null, sdgFocus: [] });
    expect(updated.updatedAt).toEqual(new Date(NOW.getTime() + 60_000));
    await expect(store.findById(city.id)).resolves.toEqual(updated);
    expect(outbox.ofType('c2c.city.profile-updated.v1')).toEqual([
      expect.objectContaining({
        changedFields: ['population', 'populationYear', 'localName', 'sdgFocus'],
        changes: { population: 9_039_000, populationYear: 2021, localName: null, sdgFocus: null },
        updatedAt: updated.updatedAt.toISOString(),
      }),
    ]);
  });

  it('changes nothing and publishes nothing when the values are the current ones', async () => {
    const { register, update, outbox } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    const same = await update.execute(
      secretariat,
      city.id,
      { population: tehran.population, languages: ['fa'] },
      undefined,
    );
    expect(same.version).toBe(1);
    expect(outbox.ofType('c2c.city.profile-updated.v1')).toHaveLength(0);
  });

  it('bumps the version without an event when only fields outside the contracts change', async () => {
    const { register, update, outbox } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    const leader = { leaderName: 'Alireza Zakani', leaderTitle: 'Mayor' };
    expect((await update.execute(secretariat, city.id, leader, 1)).version).toBe(2);
    expect(outbox.ofType('c2c.city.profile-updated.v1')).toHaveLength(0);
  });

  it('publishes changed contacts as contactOfficers without their phone, and nothing for a new phone alone', async () => {
    const { register, update, outbox } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    const sara = { name: 'Sara Ahmadi', email: 'sara.ahmadi@example.org', phone: '+98 21 1234 5678' };
    await update.execute(secretariat, city.id, { contacts: [sara] }, 1);
    await update.execute(secretariat, city.id, { contacts: [{ ...sara, phone: '+98 21 8888 0000' }] }, 2);
    expect(outbox.ofType('c2c.city.profile-updated.v1')).toEqual([
      expect.objectContaining({
        changedFields: ['contactOfficers'],
        changes: { contactOfficers: [{ name: 'Sara Ahmadi', email: 'sara.ahmadi@example.org' }] },
      }),
    ]);
  });

  it('refuses a stale version, reporting the current one', async () => {
    const { register, update } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    await update.execute(secretariat, city.id, { population: 1 }, 1);
    const error = await failure(update.execute(secretariat, city.id, { population: 2 }, 1));
    expect(error).toMatchObject({
      code: CityErrorCode.VersionMismatch,
      kind: 'version-mismatch',
      details: { currentVersion: 2 },
    });
  });

  it('refuses a rename onto another city of the same country', async () => {
    const { register, update } = cityUseCases();
    const other = await register.execute(secretariat, {
      name: 'Karaj',
      countryCode: 'IR',
      level: 'municipality',
    });
    const city = await register.execute(secretariat, tehran);
    const error = await failure(update.execute(secretariat, city.id, { name: 'karaj' }, undefined));
    expect(error).toMatchObject({
      code: CityErrorCode.AlreadyRegistered,
      details: { extensions: { existingCityId: other.id } },
    });
  });

  it('lets a city officer edit its own city and no other', async () => {
    const { register, update } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    await expect(
      update.execute(officerOf(city.id), city.id, { population: 1 }, undefined),
    ).resolves.toBeDefined();
    const error = await failure(
      update.execute(officerOf('another-city'), city.id, { population: 2 }, undefined),
    );
    expect(error.code).toBe(CityErrorCode.Forbidden);
  });

  it("refuses a city officer changing its city's name, country or level, naming them, and changes nothing", async () => {
    const { register, update, store, outbox } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    const error = await failure(
      update.execute(
        officerOf(city.id),
        city.id,
        { name: 'Tehran Metropolis', level: 'municipality', population: 3 },
        undefined,
      ),
    );
    expect(error).toMatchObject({
      code: CityErrorCode.Forbidden,
      kind: 'forbidden',
      details: { extensions: { fields: ['name', 'level'] } },
    });
    await expect(store.findById(city.id)).resolves.toEqual(city);
    expect(outbox.ofType('c2c.city.profile-updated.v1')).toEqual([]);
    // The current values re-sent are no change, and the rest of the profile is the officer's.
    await expect(
      update.execute(
        officerOf(city.id),
        city.id,
        { name: city.name, level: city.level, population: 3 },
        undefined,
      ),
    ).resolves.toMatchObject({ population: 3, version: 2 });
  });

  it('reports a missing city', async () => {
    const { update } = cityUseCases();
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await failure(update.execute(secretariat, id, { population: 1 }, undefined))).code).toBe(
      CityErrorCode.NotFound,
    );
  });
});
