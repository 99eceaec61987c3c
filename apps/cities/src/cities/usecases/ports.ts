import type { Outbox } from '@c2c/messaging';
import type { TransactionRunner } from '@c2c/persistence';
import type { IfMatch } from '@c2c/platform';
import { CityError } from '../cities.errors';
import type { CityStore } from '../cities.repository';
import type { CityEntity } from '../city.entity';

/** Injection token of the {@link CityStore} use cases depend on. */
export const CITY_STORE = Symbol('CityStore');

// Use cases see only the methods they call, so unit tests hand them small fakes.
export type Transactions = Pick<TransactionRunner, 'run'>;
export type EventOutbox = Pick<Outbox, 'add'>;

/** Today as `YYYY-MM-DD` in UTC: the day a membership change takes effect unless one is given. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/**
 * Loads a city to change it, row-locked, and checks what every change requires: it exists, and the
 * caller saw its current version (when a precondition was sent). Whether an archived city may take
 * the change is each use case's rule.
 */
export async function loadForChange(
  store: CityStore,
  tx: Parameters<CityStore['findByIdForUpdate']>[0],
  id: string,
  ifMatch: IfMatch | undefined,
): Promise<CityEntity> {
  const city = await store.findByIdForUpdate(tx, id);
  if (!city) throw CityError.notFound(id);
  if (ifMatch !== undefined && ifMatch !== '*' && !ifMatch.includes(city.version)) {
    throw CityError.versionMismatch(id, city.version);
  }
  return city;
}

/** The 409 for a name taken in a country, pointing to the city that holds it. */
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

/** Marks a change: a new version (hence a new ETag) at this instant. */
export function touch(city: CityEntity, at = new Date()): void {
  city.version += 1;
  city.updatedAt = at;
}
