import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import { Problem, ProblemType } from '@c2c/platform';
import type { FastifyRequest } from 'fastify';
import { GatewayConfig } from '../../config';
import { TOKEN_PATH } from '../routes';

/** The 429 every limit answers with: a problem with `Retry-After` in seconds. */
export const rateLimited = (scope: string, retryAfterSeconds: number): Problem =>
  new Problem(
    ProblemType.RateLimited,
    `too many requests from this ${scope}; retry in ${retryAfterSeconds} s`,
    {
      headers: { 'retry-after': String(retryAfterSeconds) },
    },
  );

const isLogin = (request: FastifyRequest): boolean =>
  request.method === 'POST' && request.routeOptions.url === TOKEN_PATH;

/**
 * The per-IP limit, checked first thing for every request (`@fastify/rate-limit` in onRequest):
 * logins have a tighter budget of their own, probes and metric scrapes none. The per-user limit
 * follows authentication (see `UserRateLimiter`). Counters live in the process: with several
 * replicas each replica counts its own share, which the defaults allow for.
 */
export function ipRateLimit(config: GatewayConfig): RateLimitPluginOptions {
  return {
    global: true,
    hook: 'onRequest',
    timeWindow: config.RATE_LIMIT_WINDOW_MS,
    max: (request) => (isLogin(request) ? config.RATE_LIMIT_LOGIN_PER_IP : config.RATE_LIMIT_PER_IP),
    keyGenerator: (request) => `${isLogin(request) ? 'login' : 'ip'}:${request.ip}`,
    // Probes come from the orchestrator, often from one address (scrapes go to the management port).
    allowList: (request) => request.url.startsWith('/health/'),
    errorResponseBuilder: (_request, context) =>
      rateLimited('address', Math.max(1, Math.ceil(context.ttl / 1000))),
  };
}
