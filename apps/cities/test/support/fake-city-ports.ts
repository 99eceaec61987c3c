import { FakeOutbox, fakeTransactions } from '@c2c/service/testing';
import type { AuthenticatedUser, Role } from '@c2c/auth';
import type { Tx } from '@c2c/persistence';
import { FixedClock } from '@c2c/platform';
import { CityError } from '../../src/cities/cities.errors';
import type { City, RegisterCityCommand } from '../../src/cities/city';
import { SYSTEM_USER } from '../../src/cities/city-access';
import { nameKeyOf, searchTextOf } from '../../src/cities/city-names';
import { ArchiveCity } from '../../src/cities/usecases/archive-city.usecase';
import { ChangeCityMembership } from '../../src/cities/usecases/change-city-membership.usecase';
import { FindCities } from '../../src/cities/usecases/find-cities.query';
import {
  DuplicateCityKey,
  type CityListFilter,
  type CityPosition,
  type CityStore,
} from '../../src/cities/usecases/ports';
import { RegisterCity } from '../../src/cities/usecases/register-city.usecase';
import { UpdateCityProfile } from '../../src/cities/usecases/update-city-profile.usecase';

// Fakes of the ports the city use cases depend on, for the unit tier. They keep what matters to the
// rules: copies (a use case's result shows in the store only once saved), the unique key, and
// contract validation.

const copy = (city: City): City => structuredClone(city);
const keyOf = (city: City): string => `${city.countryCode}/${nameKeyOf(city.name)}`;

export class FakeCityStore implements CityStore {
  readonly rows = new Map<string, City>();

  findById(id: string): Promise<City | null> {
    const city = this.rows.get(id);
    return Promise.resolve(city ? copy(city) : null);
  }

  findByIdForUpdate(_tx: Tx, id: string): Promise<City | null> {
    return this.findById(id);
  }

  findByKey(countryCode: string, name: string): Promise<City | null> {
    const key = `${countryCode}/${nameKeyOf(name)}`;
    const found = [...this.rows.values()].find((city) => keyOf(city) === key);
    return Promise.resolve(found ? copy(found) : null);
  }

  insert(_tx: Tx, city: City): Promise<void> {
    return this.save(city);
  }

  update(_tx: Tx, city: City): Promise<void> {
    return this.save(city);
  }

  list(_tx: Tx, filter: CityListFilter, limit: number, after?: CityPosition): Promise<City[]> {
    const rows = [...this.rows.values()]
      .filter((c) => filter.includeArchived || c.archivedAt === null)
      .filter((c) => !filter.countryCode || c.countryCode === filter.countryCode)
      .filter((c) => !filter.text || searchTextOf(c).includes(filter.text))
      .sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1))
      .filter((c) => !after || c.name > after.name || (c.name === after.name && c.id > after.id));
    return Promise.resolve(rows.slice(0, limit).map(copy));
  }

  private save(city: City): Promise<void> {
    const clash = [...this.rows.values()].some((c) => c.id !== city.id && keyOf(c) === keyOf(city));
    if (clash) return Promise.reject(new DuplicateCityKey('duplicate'));
    this.rows.set(city.id, copy(city));
    return Promise.resolve();
  }
}

/** The instant the unit tests' clock starts at. */
export const NOW = new Date('2026-05-14T09:30:00.000Z');

/** Every city use case over the same fakes and one fixed clock. */
export function cityUseCases() {
  const store = new FakeCityStore();
  const outbox = new FakeOutbox();
  const clock = new FixedClock(NOW);
  return {
    store,
    outbox,
    clock,
    register: new RegisterCity(store, fakeTransactions, outbox, clock),
    update: new UpdateCityProfile(store, fakeTransactions, outbox, clock),
    membership: new ChangeCityMembership(store, fakeTransactions, outbox, clock),
    archive: new ArchiveCity(store, fakeTransactions, outbox, clock),
    find: new FindCities(store, fakeTransactions),
  };
}

const userWith = (roles: Role[], cityId?: string): AuthenticatedUser => ({
  userId: 'u-1',
  email: 'someone@c2c.local',
  roles,
  ...(cityId === undefined ? {} : { cityId }),
  commissionIds: [],
  issuer: 'urn:c2c:gateway',
});
export const secretariat = SYSTEM_USER;
export const officerOf = (cityId: string): AuthenticatedUser => userWith(['city-officer'], cityId);
export const observer = userWith(['observer']);

export const tehran: RegisterCityCommand = {
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

/** The CityError a promise is refused with; the test fails if it resolves or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<CityError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CityError);
  return error as CityError;
}

export { FakeOutbox, fakeTransactions };
