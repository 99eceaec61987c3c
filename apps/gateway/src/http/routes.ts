/**
 * The gateway's public paths and route flags. A leaf: it imports nothing of the app, so a policy
 * (rate limits, request policies) and the controllers it concerns can all name a route without
 * importing one another.
 */

/** Every public route lives under this prefix (no leading slash, as Nest's `@Controller` takes it). */
export const API_PREFIX = 'api/v1';

/** The login route, relative to the prefix, as its controller declares it. */
export const TOKEN_ROUTE = 'auth/token';

/** The login route's full path, which has a rate limit of its own. */
export const TOKEN_PATH = `/${API_PREFIX}/${TOKEN_ROUTE}`;

/** Where the gateway publishes its token verification keys (the usual well-known location). */
export const JWKS_ROUTE = '.well-known/jwks.json';

/** Marks an OpenAPI operation as open to anyone; the document builder turns it into `security: []`. */
export const PUBLIC_OPERATION = 'x-c2c-public';

/** Route config flag set by `PublicRoute()`: such routes take no part in per-user policies. */
export const PUBLIC_ROUTE_CONFIG = 'c2cPublic';

declare module 'fastify' {
  interface FastifyContextConfig {
    [PUBLIC_ROUTE_CONFIG]?: boolean;
  }
}
