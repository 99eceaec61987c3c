import { actsForCity, AuthenticatedUser, hasRole } from '@c2c/auth';
import { Partnership } from './partnership';
import { PartnershipError } from './partnership.errors';
import { Actor } from './partnership.events';

// Object-level rules: a city officer acts only for its own city; the secretariat for any. Route-level
// roles (who may write at all) are on the controllers.

/** The actor recorded in history and events for a user acting for `cityId`. */
export const actorOf = (user: AuthenticatedUser, cityId?: string): Actor => ({
  userId: user.userId,
  ...(cityId === undefined ? {} : { cityId }),
});

export function assertActsForCity(user: AuthenticatedUser, cityId: string, action: string): void {
  if (actsForCity(user, cityId)) return;
  throw PartnershipError.forbidden(
    hasRole(user, 'city-officer')
      ? `a city officer acts only for its own city: it may not ${action} for city ${cityId}`
      : `only the secretariat or an officer of city ${cityId} may ${action} for it`,
  );
}

/**
 * A participant's business (suspending, terminating, recording an activity): the secretariat, or an
 * officer of one of the participant cities. Returns the city an officer acted for.
 */
export function assertActsForParticipant(
  user: AuthenticatedUser,
  partnership: Partnership,
  action: string,
): string | undefined {
  if (hasRole(user, 'secretariat')) return undefined;
  const own = partnership.participants.find((p) => actsForCity(user, p.cityId));
  if (own === undefined) {
    throw PartnershipError.forbidden(
      `only the secretariat or an officer of a participant city may ${action} this partnership`,
    );
  }
  return own.cityId;
}
