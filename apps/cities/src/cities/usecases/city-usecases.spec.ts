import { FakeCityStore, FakeOutbox, fakeTransactions } from '../../../test/support/fake-city-ports';
import { CityError, CityErrorCode } from '../cities.errors';
import type { AuthenticatedUser, Role } from '@c2c/auth';
import { SYSTEM_USER } from '../city-access';
import type { RegisterCityCommand } from '../city-profile';
import { ArchiveCity } from './archive-city.usecase';
import { ChangeCityMembership } from './change-city-membership.usecase';
import { FindCities } from './find-cities.query';
import { RegisterCity } from './register-city.usecase';
import { UpdateCityProfile } from './update-city-profile.usecase';

const userWith = (roles: Role[], cityId?: string): AuthenticatedUser => ({
  userId: 'u-1',
  email: 'someone@c2c.local',
  roles,
  ...(cityId === undefined ? {} : { cityId }),
  commissionIds: [],
  issuer: 'urn:c2c:gateway',
});
const secretariat = SYSTEM_USER;
const officerOf = (cityId: string) => userWith(['city-officer'], cityId);
const observer = userWith(['observer']);

const tehran: RegisterCityCommand = {
  name: 'Tehran',
  localName: 'تهران',
  countryCode: 'IR',
  level: 'metropolitan-city',
  population: 8693706,
  populationYear: 2016,
  latitude: 35.6892,
  longitude: 51.389,
  sdgFocus: [11],
  languages: ['fa'],
};

async function failure(promise: Promise<unknown>): Promise<CityError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CityError);
  return error as CityError;
}

function setup() {
  const store = new FakeCityStore();
  const outbox = new FakeOutbox();
  return {
    store,
    outbox,
    register: new RegisterCity(store, fakeTransactions, outbox),
    update: new UpdateCityProfile(store, fakeTransactions, outbox),
    membership: new ChangeCityMembership(store, fakeTransactions, outbox),
    archive: new ArchiveCity(store, fakeTransactions, outbox),
    find: new FindCities(store, fakeTransactions),
  };
}

describe(RegisterCity.name, () => {
  it('stores the city at version 1 and announces its whole profile', async () => {
    const { register, outbox } = setup();
    const city = await register.execute(secretariat, tehran);
    expect(city).toMatchObject({
      version: 1,
      membershipStatus: 'non-member',
      englishName: null,
      contacts: [],
    });
    const [event] = outbox.ofType('c2c.city.registered.v1');
    expect(event).toMatchObject({ cityId: city.id, name: 'Tehran', localName: 'تهران', sdgFocus: [11] });
    expect(event).not.toHaveProperty('englishName');
  });

  it('refuses a second city with the same folded name in the same country, naming the first', async () => {
    const { register, outbox } = setup();
    const first = await register.execute(secretariat, tehran);
    const error = await failure(register.execute(secretariat, { ...tehran, name: '  TEHRÁN ' }));
    expect(error).toMatchObject({ code: CityErrorCode.AlreadyRegistered, cityId: first.id });
    expect(outbox.events).toHaveLength(1);
    await expect(register.execute(secretariat, { ...tehran, countryCode: 'AF' })).resolves.toBeDefined();
  });

  it('is for the secretariat only', async () => {
    const { register } = setup();
    expect(await failure(register.execute(observer, tehran))).toMatchObject({
      code: CityErrorCode.Forbidden,
    });
  });
});

describe(UpdateCityProfile.name, () => {
  it('changes only what differs, bumps the version and publishes new values (null when removed)', async () => {
    const { register, update, outbox } = setup();
    const city = await register.execute(secretariat, tehran);
    const updated = await update.execute(secretariat, city.id, [1], {
      population: 9_039_000,
      populationYear: 2021,
      localName: null,
      sdgFocus: [],
      name: 'Tehran',
      leaderName: 'Alireza Zakani',
    });
    expect(updated).toMatchObject({ version: 2, population: 9_039_000, localName: null, sdgFocus: [] });
    expect(outbox.ofType('c2c.city.profile-updated.v1')).toEqual([
      expect.objectContaining({
        changedFields: ['population', 'populationYear', 'localName', 'sdgFocus'],
        changes: { population: 9_039_000, populationYear: 2021, localName: null, sdgFocus: null },
      }),
    ]);
  });

  it('changes nothing and publishes nothing when the values are the current ones', async () => {
    const { register, update, outbox } = setup();
    const city = await register.execute(secretariat, tehran);
    const same = await update.execute(secretariat, city.id, '*', {
      population: tehran.population,
      languages: ['fa'],
    });
    expect(same.version).toBe(1);
    expect(outbox.ofType('c2c.city.profile-updated.v1')).toHaveLength(0);
  });

  it('bumps the version without an event when only fields outside the contracts change', async () => {
    const { register, update, outbox } = setup();
    const city = await register.execute(secretariat, tehran);
    const contacts = [{ name: 'Sara Ahmadi', email: 'sara@tehran.ir' }];
    expect((await update.execute(secretariat, city.id, [1], { contacts })).version).toBe(2);
    expect(outbox.ofType('c2c.city.profile-updated.v1')).toHaveLength(0);
  });

  it('refuses a stale version, reporting the current one', async () => {
    const { register, update } = setup();
    const city = await register.execute(secretariat, tehran);
    await update.execute(secretariat, city.id, [1], { population: 1 });
    const error = await failure(update.execute(secretariat, city.id, [1], { population: 2 }));
    expect(error).toMatchObject({ code: CityErrorCode.VersionMismatch, currentVersion: 2 });
  });

  it('refuses a rename onto another city of the same country', async () => {
    const { register, update } = setup();
    const other = await register.execute(secretariat, {
      name: 'Karaj',
      countryCode: 'IR',
      level: 'municipality',
    });
    const city = await register.execute(secretariat, tehran);
    const error = await failure(update.execute(secretariat, city.id, '*', { name: 'karaj' }));
    expect(error).toMatchObject({ code: CityErrorCode.AlreadyRegistered, cityId: other.id });
  });

  it('lets a city officer edit its own city and no other', async () => {
    const { register, update } = setup();
    const city = await register.execute(secretariat, tehran);
    await expect(update.execute(officerOf(city.id), city.id, '*', { population: 1 })).resolves.toBeDefined();
    const error = await failure(update.execute(officerOf('another-city'), city.id, '*', { population: 2 }));
    expect(error.code).toBe(CityErrorCode.Forbidden);
  });

  it('reports a missing city', async () => {
    const { update } = setup();
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await failure(update.execute(secretariat, id, '*', { population: 1 }))).code).toBe(
      CityErrorCode.NotFound,
    );
  });
});

describe(ChangeCityMembership.name, () => {
  it('records the new status and its day, and announces the change once', async () => {
    const { register, membership, outbox } = setup();
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

  it('is not for city officers, even of that city', async () => {
    const { register, membership } = setup();
    const city = await register.execute(secretariat, tehran);
    const error = await failure(
      membership.execute(officerOf(city.id), city.id, { membershipStatus: 'member' }),
    );
    expect(error.code).toBe(CityErrorCode.Forbidden);
  });
});

describe(ArchiveCity.name, () => {
  it('archives once, announces it, and then refuses changes but still reads the city', async () => {
    const { register, archive, update, membership, find, outbox } = setup();
    const city = await register.execute(secretariat, tehran);
    const archived = await archive.execute(secretariat, city.id, 'Duplicate record.');
    expect(archived.archivedAt).toBeInstanceOf(Date);
    await archive.execute(secretariat, city.id);
    expect(outbox.ofType('c2c.city.archived.v1')).toEqual([
      expect.objectContaining({
        cityId: city.id,
        name: 'Tehran',
        countryCode: 'IR',
        reason: 'Duplicate record.',
      }),
    ]);
    expect((await failure(update.execute(secretariat, city.id, '*', { population: 1 }))).code).toBe(
      CityErrorCode.Archived,
    );
    const error = await failure(membership.execute(secretariat, city.id, { membershipStatus: 'member' }));
    expect(error.code).toBe(CityErrorCode.Archived);
    await expect(find.byId(city.id)).resolves.toMatchObject({ id: city.id });
    expect((await find.page({ includeArchived: false }, 10)).items).toHaveLength(0);
  });
});

describe(FindCities.name, () => {
  it('pages in name order and folds the search text like the names', async () => {
    const { register, find } = setup();
    for (const name of ['Shiraz', 'Ha Noi', 'Tabriz', 'Mashhad']) {
      await register.execute(secretariat, { name, countryCode: 'IR', level: 'municipality' });
    }
    const first = await find.page({ includeArchived: false }, 3);
    expect(first.items.map((c) => c.name)).toEqual(['Ha Noi', 'Mashhad', 'Shiraz']);
    expect(first.nextCursor).not.toBeNull();
    const last = await find.page({ includeArchived: false }, 3, { name: 'Shiraz', id: first.items[2]!.id });
    expect(last).toMatchObject({ items: [expect.objectContaining({ name: 'Tabriz' })], nextCursor: null });
    expect((await find.page({ includeArchived: false, text: 'HÀ  NOI' }, 3)).items).toHaveLength(1);
  });
});
