import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Problem, ProblemType } from '@c2c/platform';
import { AuthenticatedUser } from '../authenticated-user';
import { Role } from '../roles';
import { userOf } from './request-user';

export const ROLES_KEY = 'c2c:roles';

/**
 * OpenAPI extensions a service's document carries for the gateway, which builds its routing table and
 * coarse checks from them: the roles an operation admits (absent: any signed-in role), and the path
 * parameter naming the city a caller acts for.
 */
export const ROLES_EXTENSION = 'x-c2c-roles';
export const ACTS_FOR_CITY_EXTENSION = 'x-c2c-acts-for-city';

/**
 * Only callers holding one of these roles reach the route (others get `403`). Documented in the
 * service's OpenAPI document as well, so the gateway refuses them before forwarding.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension(ROLES_EXTENSION, roles));

/**
 * Documents that the route acts in the name of the city in path parameter `param`: a city officer may
 * call it only for its own city. The service enforces that itself (in its use case); the gateway,
 * which sees the path, refuses an officer of another city before forwarding.
 */
export const ActsForCityInPath = (param = 'id'): MethodDecorator =>
  ApiExtension(ACTS_FOR_CITY_EXTENSION, param) as MethodDecorator;

/** Injects the verified caller into a route handler. */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = userOf(context.switchToHttp().getRequest<object>());
    // Only a public route has no user, and a public route asking for one is a programming error.
    if (user === undefined) throw new Problem(ProblemType.Unauthorized, 'this route needs a bearer token');
    return user;
  },
);
