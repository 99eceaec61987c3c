import type { CityLevel, MembershipStatus } from '@c2c/contracts';
import type { Outbox } from '@c2c/messaging';
import type { TransactionRunner, Tx } from '@c2c/persistence';
import { CityError } from '../cities.errors';
import type { City } from '../city';

export interface CityListFilter {
  countryCode?: string;
  level?: CityLevel;
  membershipStatus?: MembershipStatus;
  /** Text searched in every name; the store receives it folded with `foldName`. */
  text?: string;
  includeArchived: boolean;
}

/** Where a page starts: after this (name, id) in the list's order. */
export interface CityPosition {
  name: string;
  id: string;
}

/** Another city already has this country and folded name: the store's unique key decided. */
export class DuplicateCityKey extends Error {}

/** What use cases need from storage; `CitiesRepository` implements it, unit tests fake it. */
export interface CityStore {
  findById(id: string): Promise<City | null>;
  /** Reads and row-locks the city, so concurrent changes to it queue behind this transaction. */
  findByIdForUpdate(tx: Tx, id: string): Promise<City | null>;
  /** The city holding this country and name, compared folded (case, accents, spacing). */
  findByKey(countryCode: string, name: string): Promise<City | null>;
  /** @throws DuplicateCityKey */
  insert(tx: Tx, city: City): Promise<void>;
  /** @throws DuplicateCityKey */
  update(tx: Tx, city: City): Promise<void>;
  list(tx: Tx, filter: CityListFilter, limit: number, after?: CityPosition): Promise<City[]>;
}

/** Injection token of the {@link CityStore} use cases depend on. */
export const CITY_STORE = Symbol('CityStore');

// Use cases see only the methods they call, so unit tests hand them small fakes.
export type Transactions = Pick<TransactionRunner, 'run'>;
export type EventOutbox = Pick<Outbox, 'add'>;

/**
 * Loads a city to change it, row-locked, and checks what every change requires: it exists, and the
 * caller saw its current version (when it named one). Whether an archived city may take the change
 * is each use case's rule.
 */
export async function loadForChange(
  store: CityStore,
  tx: Tx,
  id: string,
  expectedVersion: number | undefined,
): Promise<City> {
  const city = await store.findByIdForUpdate(tx, id);
  if (!city) throw CityError.notFound(id);
  if (expectedVersion !== undefined && expectedVersion !== city.version) {
    throw CityError.versionMismatch(id, city.version);
  }
  return city;
}

/** The refusal for a name taken in a country, pointing to the city that holds it. */
export async function alreadyRegistered(
  store: CityStore,
  countryCode: string,
  name: string,
): Promise<CityError> {
  const holder = await store.findByKey(countryCode, name);
  // The holder can only vanish if it was never committed; then a retry will succeed, but the
  // client still gets a truthful conflict for this attempt.
  return CityError.alreadyRegistered(holder?.id ?? 'unknown', countryCode);
}
