import type { FastifyCorsOptions } from '@fastify/cors';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';
import { corsOrigins, GatewayConfig } from '../config';

/**
 * The security headers of every API answer: the set the OWASP REST Security Cheat Sheet asks of a JSON
 * API. A JSON answer loads nothing, so its policy forbids everything (`default-src 'none'`) and any
 * framing; nothing is stored by caches or browsers unless a route says otherwise. Helmet's browser
 * headers for HTML pages (`X-DNS-Prefetch-Control`, `Origin-Agent-Cluster`, …) mean nothing to JSON
 * and would more than double the bytes of a small answer, which every client pays for (see
 * docs/benchmarks.md); the documentation pages get them (see {@link documentationSecurityHeaders}).
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/**
 * Helmet's defaults for the HTML documentation. The CSP keeps `script-src 'self'`, which the
 * interactive docs satisfy (their scripts are files, not inline), and drops `upgrade-insecure-requests`,
 * which would break the docs on plain-HTTP local runs; TLS is the ingress's job.
 */
export const helmetOptions: FastifyHelmetOptions = {
  contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
};

const NOT_SECURITY_HEADERS = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

/**
 * The headers helmet sets, computed once. `@fastify/helmet` builds its policy again on every request;
 * without per-request CSP nonces the headers never change, so they are taken from one request through
 * a throwaway instance with the plugin and then set as they are.
 */
export async function documentationSecurityHeaders(
  options: FastifyHelmetOptions = helmetOptions,
): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  try {
    await probe.register(helmet, options);
    probe.get('/', () => '');
    const response = await probe.inject({ method: 'GET', url: '/' });
    return Object.fromEntries(
      Object.entries(response.headers)
        .filter(([name, value]) => !NOT_SECURITY_HEADERS.has(name) && value !== undefined)
        .map(([name, value]) => [name, String(value)]),
    );
  } finally {
    await probe.close();
  }
}

/** CORS only for the configured origins; what a browser script may read of our answers. */
export function corsOptions(config: GatewayConfig): FastifyCorsOptions {
  const origins = corsOrigins(config);
  return {
    origin: origins.length > 0 ? origins : false,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'idempotency-key',
      'if-match',
      'if-none-match',
      'x-request-id',
    ],
    exposedHeaders: [
      'etag',
      'location',
      'retry-after',
      'x-request-id',
      'idempotency-replayed',
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-reset',
    ],
    maxAge: 600,
  };
}
