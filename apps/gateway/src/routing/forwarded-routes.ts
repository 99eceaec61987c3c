import { assertActsForCity, assertAdmitted, authenticatedCallerOf } from '@c2c/auth';
import { type FieldError, Problem, ProblemType, replyWithProblem, requireIfMatch } from '@c2c/platform';
import { isUUID } from 'class-validator';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ProxyService } from './proxy.service';
import type { ForwardedRoute } from './route-table';

/**
 * What the gateway checks before it forwards, from what the route table says of the route: the
 * caller, the roles, path ids (the rule the services' `IdParams` apply), the city an officer acts for
 * and a required If-Match. Everything else
 * (bodies, queries, object-level rules the path does not show) is the service's to judge.
 */
function admit(route: ForwardedRoute, request: FastifyRequest): void {
  const user = authenticatedCallerOf(request);
  assertAdmitted(user, route.roles);
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  const errors: FieldError[] = route.uuidParams
    .filter((name) => !isUUID(params[name] ?? ''))
    .map((name) => ({ field: name, message: `${name} must be a UUID` }));
  if (errors.length > 0) {
    throw new Problem(
      ProblemType.ValidationError,
      `invalid field(s): ${errors.map((e) => e.field).join(', ')}`,
      {
        errors,
      },
    );
  }
  if (route.actsForCityParam !== undefined) assertActsForCity(user, params[route.actsForCityParam] ?? '');
  const ifMatch = request.headers['if-match'];
  if (route.ifMatchRequired) requireIfMatch(typeof ifMatch === 'string' ? ifMatch : undefined);
}

/**
 * Serves every route of the table as a Fastify route that checks and forwards. These routes sit
 * beside Nest's (the gateway's own controllers) and share every hook: the per-IP limit, the
 * authentication hook, the per-user limit and idempotency; an error, theirs or a hook's, is answered
 * by the platform's problem writer like any other.
 */
export function registerForwardedRoutes(
  fastify: FastifyInstance,
  routes: ForwardedRoute[],
  proxy: ProxyService,
): void {
  for (const route of routes) {
    fastify.route({
      method: route.method,
      url: route.url,
      // Routes registered before Nest's router would otherwise answer errors (theirs and their hooks':
      // limits, idempotency) in Fastify's format.
      errorHandler: (error, request, reply) => replyWithProblem(error, request, reply),
      handler: async (request, reply) => {
        admit(route, request);
        return proxy.forward(route.service, request, reply);
      },
    });
  }
}
