import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Problem, ProblemType } from '@c2c/platform';
import { AuthenticatedUser } from '../authenticated-user';
import { Role } from '../roles';
import { userOf } from './request-user';

export const ROLES_KEY = 'c2c:roles';

/** Only callers holding one of these roles reach the route (others get `403`). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Injects the verified caller into a route handler. */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = userOf(context.switchToHttp().getRequest<object>());
    // Only a public route has no user, and a public route asking for one is a programming error.
    if (user === undefined) throw new Problem(ProblemType.Unauthorized, 'this route needs a bearer token');
    return user;
  },
);
