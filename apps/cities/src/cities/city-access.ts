import { actsForCity, hasRole, type AuthenticatedUser } from '@c2c/auth';
import { CityError } from './cities.errors';

/** The demo-data loader and other in-process jobs: they act for the secretariat. */
export const SYSTEM_USER = Object.freeze<AuthenticatedUser>({
  userId: 'system',
  email: 'system@c2c.local',
  roles: ['secretariat'],
  commissionIds: [],
  issuer: 'urn:c2c:cities',
});

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
