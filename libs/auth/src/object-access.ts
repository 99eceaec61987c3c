import { Problem, ProblemType } from '@c2c/platform';
import { AuthenticatedUser } from './authenticated-user';
import { Role } from './roles';

/** Whether the caller holds any of the roles. */
export const hasRole = (user: AuthenticatedUser, ...roles: Role[]): boolean =>
  roles.some((role) => user.roles.includes(role));

const forbidden = (detail: string): Problem => new Problem(ProblemType.Forbidden, detail);

/** Route-level check for code that is not behind the `@Roles()` guard (handlers, use cases). */
export function assertRole(user: AuthenticatedUser, ...roles: Role[]): void {
  if (!hasRole(user, ...roles)) throw forbidden(`requires one of the roles: ${roles.join(', ')}`);
}

/** Whether the caller may act on behalf of this city: the secretariat for any, a city officer for its own. */
export const actsForCity = (user: AuthenticatedUser, cityId: string): boolean =>
  hasRole(user, 'secretariat') || (hasRole(user, 'city-officer') && user.cityId === cityId);

/**
 * Object-level rule for anything done in a city's name (accepting a partnership, editing its profile,
 * applying to a commission): a city officer of city A acting for city B gets a 403.
 */
export function assertActsForCity(user: AuthenticatedUser, cityId: string): void {
  if (actsForCity(user, cityId)) return;
  throw forbidden(
    hasRole(user, 'city-officer')
      ? `a city officer acts only for its own city, not for city ${cityId}`
      : `only the secretariat or an officer of city ${cityId} may act for it`,
  );
}

/** Whether the caller may act for this commission: the secretariat for any, its officers for their own. */
export const actsForCommission = (user: AuthenticatedUser, commissionId: string): boolean =>
  hasRole(user, 'secretariat') ||
  (hasRole(user, 'commission-officer') && user.commissionIds.includes(commissionId));

/** Object-level rule for commission decisions (approving a membership, recording a resolution). */
export function assertActsForCommission(user: AuthenticatedUser, commissionId: string): void {
  if (actsForCommission(user, commissionId)) return;
  throw forbidden(`only the secretariat or an officer of commission ${commissionId} may act for it`);
}

// Listed rather than "everyone but observers": a role added later sees no personal data until
// someone decides it should.
const REACHES_CONTACTS: readonly Role[] = ['secretariat', 'commission-officer', 'city-officer'];

/**
 * Whether the caller sees contact officers' e-mail and phone (personal data): officers do, so partners
 * can reach each other; observers see each contact's name and role only.
 * The cities service applies it to city contact officers, the commissions service to practice contacts.
 */
export const mayReachContacts = (user: AuthenticatedUser): boolean => hasRole(user, ...REACHES_CONTACTS);

/**
 * The secretariat as an in-process job of a service acts (demo data, one-off scripts), under the name
 * `system` its records show, with the service as its issuer.
 */
export const systemUser = (service: string): AuthenticatedUser =>
  Object.freeze<AuthenticatedUser>({
    userId: 'system',
    email: 'system@c2c.local',
    roles: ['secretariat'],
    commissionIds: [],
    issuer: `urn:c2c:${service}`,
  });
