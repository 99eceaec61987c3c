import { Problem } from '@c2c/platform';
import type { FastifyRequest } from 'fastify';
import { TokenVerifier } from '../token-verifier';
import { bearerTokenOf } from './bearer-token';
import { attachRejection, attachUser, markAnonymous } from './request-user';

/**
 * A Fastify hook (`preValidation`) that authenticates every request before it reaches Nest: a valid
 * bearer token puts the caller on `request.user`, a bad one is recorded. It never refuses anything
 * itself, since it cannot know whether the route is public; the {@link AuthGuard} decides, without
 * verifying twice. Apps that run hooks after authentication (per-user rate limits, idempotency)
 * install it; for the others the guard alone does the same work.
 */
export function authenticationHook(verifier: TokenVerifier) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerTokenOf(request.headers.authorization);
    if (token === undefined) {
      markAnonymous(request);
      return;
    }
    try {
      attachUser(request, await verifier.verify(token));
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      attachRejection(request, error);
    }
  };
}
