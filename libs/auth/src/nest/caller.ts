import { Problem, ProblemType } from '@c2c/platform';
import { AuthenticatedUser } from '../authenticated-user';
import { Role } from '../roles';
import { authenticationOutcome, userOf } from './request-user';

export const missingTokenProblem = (): Problem =>
  new Problem(ProblemType.Unauthorized, 'send a bearer token in the Authorization header', {
    headers: { 'www-authenticate': 'Bearer' },
  });

/**
 * The caller that the authentication hook verified for this request, or the problem that refuses it:
 * the token's own rejection (expired, bad signature…) or a 401 for a request that carried none. For
 * routes outside Nest's router (the gateway's forwarded routes), which no guard protects.
 */
export function authenticatedCallerOf(request: object): AuthenticatedUser {
  const user = userOf(request);
  if (user !== undefined) return user;
  const outcome = authenticationOutcome(request);
  if (outcome instanceof Problem) throw outcome;
  throw missingTokenProblem();
}

/** Route-level admission: a platform role, and one of `roles` when the route names some (else 403). */
export function assertAdmitted(user: AuthenticatedUser, roles: readonly Role[] | undefined): void {
  if (user.roles.length === 0) throw new Problem(ProblemType.Forbidden, 'the caller has no platform role');
  if (roles !== undefined && !roles.some((role) => user.roles.includes(role))) {
    throw new Problem(ProblemType.Forbidden, `requires one of the roles: ${roles.join(', ')}`);
  }
}
