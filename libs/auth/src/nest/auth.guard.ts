import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Problem, PUBLIC_ROUTE } from '@c2c/platform';
import type { FastifyRequest } from 'fastify';
import { AuthenticatedUser } from '../authenticated-user';
import { Role } from '../roles';
import { TokenVerifier } from '../token-verifier';
import { bearerTokenOf } from './bearer-token';
import { assertAdmitted, missingTokenProblem } from './caller';
import { ROLES_KEY } from './decorators';
import { attachUser, authenticationOutcome, userOf } from './request-user';

/**
 * Installed for every route by the auth module: deny by default. A route passes if it is `@Public()`,
 * or if it carries a valid bearer token whose caller holds one of the route's `@Roles()` (any role
 * when the route names none). Object-level rules stay in the services (see `assertActsForCity`).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const user = userOf(request) ?? (await this.authenticate(request));
    assertAdmitted(user, this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets));
    return true;
  }

  /** Uses what the authentication hook decided, or verifies here when no hook ran. */
  private async authenticate(request: FastifyRequest): Promise<AuthenticatedUser> {
    const outcome = authenticationOutcome(request);
    if (outcome instanceof Problem) throw outcome;
    const token = bearerTokenOf(request.headers.authorization);
    if (token === undefined) throw missingTokenProblem();
    const user = await this.verifier.verify(token);
    attachUser(request, user);
    return user;
  }
}
