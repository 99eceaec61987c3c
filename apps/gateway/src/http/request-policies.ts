import { userOf } from '@c2c/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdempotencyService, REPLAYED_HEADER } from './idempotency/idempotency.service';
import { UserRateLimiter } from './rate-limit/user-rate-limiter';
import { PUBLIC_ROUTE_CONFIG } from './routes';

/**
 * The per-user policies, as a Fastify `preHandler` hook: after authentication (the auth library's
 * hook) and body parsing, before Nest. The user's rate limit first, so a refused request leaves no
 * trace; then the Idempotency-Key of a POST is claimed, or its stored answer is replayed.
 *
 * Hooks rather than Nest interceptors: they run on every request, and Nest's interceptor chain costs
 * more than the work they do (see docs/benchmarks.md).
 */
export function requestPolicies(limiter: UserRateLimiter, idempotency: IdempotencyService) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const user = userOf(request);
    if (user === undefined || request.routeOptions.config?.[PUBLIC_ROUTE_CONFIG] === true) return;
    await limiter.check(request);
    // Public POSTs (login) are skipped above: their answers (tokens) must never be stored.
    if (request.method !== 'POST') return;
    const stored = await idempotency.begin(request, `${user.issuer}|${user.userId}`);
    if (stored === undefined) return;
    await reply
      .code(stored.status)
      .headers({ ...stored.headers, [REPLAYED_HEADER]: 'true' })
      .send(stored.body);
  };
}
