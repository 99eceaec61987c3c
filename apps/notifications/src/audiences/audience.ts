// Who a notification is addressed to. An audience is a group, not a person: the users in it are decided
// when they read (from their token), and e-mail addresses when it is sent (from the contacts model).
import { type AuthenticatedUser, hasRole } from '@c2c/auth';

export type Audience =
  | { kind: 'secretariat' }
  | { kind: 'city'; cityId: string }
  | { kind: 'commission-members'; commissionId: string }
  | { kind: 'commission-officers'; commissionId: string };

export const secretariat = (): Audience => ({ kind: 'secretariat' });
export const city = (cityId: string): Audience => ({ kind: 'city', cityId });
export const cities = (cityIds: readonly string[]): Audience[] => cityIds.map(city);
export const commissionMembers = (commissionId: string): Audience => ({
  kind: 'commission-members',
  commissionId,
});
export const commissionOfficers = (commissionId: string): Audience => ({
  kind: 'commission-officers',
  commissionId,
});

/** The audience as stored and compared: `secretariat`, `city:<id>`, `commission-members:<id>`, … */
export function audienceKey(audience: Audience): string {
  switch (audience.kind) {
    case 'secretariat':
      return 'secretariat';
    case 'city':
      return `city:${audience.cityId}`;
    case 'commission-members':
    case 'commission-officers':
      return `${audience.kind}:${audience.commissionId}`;
  }
}

/** The audiences' keys, each once, in a stable order. */
export const audienceKeys = (audiences: readonly Audience[]): string[] =>
  [...new Set(audiences.map(audienceKey))].sort();

/**
 * The audiences a signed-in user belongs to: the secretariat's; a city officer's city, and the members'
 * audience of each commission that city is a member of; a commission officer's commissions (its officers
 * and its members). An observer belongs to none: the inbox is for those who act.
 */
export function audiencesOfUser(user: AuthenticatedUser, commissionsOfCity: readonly string[]): string[] {
  const audiences: Audience[] = [];
  if (hasRole(user, 'secretariat')) audiences.push(secretariat());
  if (hasRole(user, 'city-officer') && user.cityId !== undefined) {
    audiences.push(city(user.cityId), ...commissionsOfCity.map(commissionMembers));
  }
  if (hasRole(user, 'commission-officer')) {
    for (const id of user.commissionIds) audiences.push(commissionOfficers(id), commissionMembers(id));
  }
  return audienceKeys(audiences);
}
