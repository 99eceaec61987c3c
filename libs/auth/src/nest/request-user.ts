import { Problem } from '@c2c/platform';
import { AuthenticatedUser } from '../authenticated-user';

const OUTCOME = Symbol.for('c2c.auth.outcome');

// `request.user`, the Nest/Passport convention, so code that reads the caller from there (e.g. a
// service's own parameter decorator) sees the verified user without knowing this library.
type WithUser = { user?: AuthenticatedUser; [OUTCOME]?: Problem | null };

/** The verified caller of a request, once authenticated; undefined on public routes. */
export const userOf = (request: object): AuthenticatedUser | undefined => (request as WithUser).user;

/** Puts the verified caller on the request (as `request.user`), for the guard and `@CurrentUser()`. */
export const attachUser = (request: object, user: AuthenticatedUser): void => {
  (request as WithUser).user = user;
  (request as WithUser)[OUTCOME] = null;
};

/** Records that the request's token was checked and refused, and why. */
export const attachRejection = (request: object, problem: Problem): void => {
  (request as WithUser)[OUTCOME] = problem;
};

/**
 * What authentication already decided for this request: `undefined` when nothing checked its token
 * yet, `null` when it passed (or carried none), or the problem that refused it.
 */
export const authenticationOutcome = (request: object): Problem | null | undefined =>
  (request as WithUser)[OUTCOME];

/** Marks a request as having carried no token at all. */
export const markAnonymous = (request: object): void => {
  (request as WithUser)[OUTCOME] = null;
};
