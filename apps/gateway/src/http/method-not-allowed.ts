import { Problem, ProblemType } from '@c2c/platform';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';

/** Methods Fastify or a plugin answers on any path by itself: never an undeclared method. */
const IMPLICIT_METHODS = new Set(['HEAD', 'OPTIONS']);

interface PathMethods {
  pattern: RegExp;
  methods: Set<string>;
}

/** `/api/v1/cities/:id` as a regular expression over one request path (a parameter is one segment). */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) =>
      segment.startsWith(':')
        ? '[^/]+'
        : segment === '*'
          ? '.*'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * Answers a method a path does not have with 405 and an `Allow` header naming the ones it has
 * (RFC 9110 §15.5.6), instead of the 404 "no such route" that Fastify gives, or a 400 from reading a
 * body the route would never read (QUERY with no Content-Type). It learns every route as it is
 * registered (Nest's controllers and the forwarded routes alike), so call it before any route is;
 * it runs on onRequest, before the limits and authentication, as a router answering 405 would.
 */
export function answerUndeclaredMethods(fastify: FastifyInstance): void {
  const paths = new Map<string, PathMethods>();
  fastify.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return; // catch-alls (the CORS preflight) name no resource
    const entry = paths.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const method of [route.method].flat()) entry.methods.add(method.toUpperCase());
    paths.set(route.url, entry);
  });
  const hook: onRequestHookHandler = (request, _reply, done) => {
    const method = request.method.toUpperCase();
    if (IMPLICIT_METHODS.has(method)) return done();
    const path = request.url.split('?')[0] ?? '';
    const matching = [...paths.values()].filter((entry) => entry.pattern.test(path));
    if (matching.length === 0 || matching.some((entry) => entry.methods.has(method))) return done();
    const allowed = [...new Set(matching.flatMap((entry) => [...entry.methods]))].sort();
    done(
      new Problem(ProblemType.MethodNotAllowed, `${path} does not support ${method}`, {
        headers: { allow: allowed.join(', ') },
      }),
    );
  };
  fastify.addHook('onRequest', hook);
}
