import { actsForCity, hasRole, systemUser, type AuthenticatedUser } from '@c2c/auth';
import { CityError } from './cities.errors';
import { IDENTITY_FIELDS, type ProfileField } from './city';

/** The demo-data loader and other in-process jobs: they act for the secretariat. */
export const SYSTEM_USER = systemUser('cities');

// These rules live in the use cases, not only on the routes, so every way in (HTTP, the demo-data
// loader, a future event handler) obeys them.

/** Registering, membership and archiving are the forum's decisions: the secretariat only. */
export function assertSecretariat(user: AuthenticatedUser, action: string): void {
  if (!hasRole(user, 'secretariat')) throw CityError.forbidden(`only the secretariat may ${action}`);
}

/** A profile is edited by the secretariat, or by an officer of that very city. */
export function assertMayEditProfile(user: AuthenticatedUser, cityId: string): void {
  if (actsForCity(user, cityId)) return;
  throw CityError.forbidden(
    hasRole(user, 'city-officer')
      ? `a city officer edits only its own city, not city ${cityId}`
      : `only the secretariat or an officer of city ${cityId} may edit it`,
  );
}

/**
 * A city's name, country and level are what the registry knows it by (and what partnerships show), so
 * only the secretariat changes them. Checked on the fields whose value really changes, so that a city
 * officer re-sending the profile as read is not refused; a refusal names the fields, never drops them.
 */
export function assertMayChangeFields(user: AuthenticatedUser, changed: readonly ProfileField[]): void {
  if (hasRole(user, 'secretariat')) return;
  const reserved = changed.filter((field) => IDENTITY_FIELDS.includes(field));
  if (reserved.length > 0) throw CityError.identityReserved(reserved);
}
