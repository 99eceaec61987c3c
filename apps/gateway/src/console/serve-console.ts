import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Problem, ProblemType } from '@c2c/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The console's pages load only what the gateway itself serves: its own scripts and styles (files,
 * never inline), images from itself or data: URLs (the map's symbols), and API calls to the same
 * origin. Nothing from elsewhere, no plugins, no framing, no `<base>`, forms post only here.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A page's headers: the API's set (nosniff, HSTS, no framing, no referrer) with the console's CSP. */
export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONSOLE_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

// Vite names every built asset after its content: a new build is a new name, so a year is safe.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// index.html names the current assets: browsers must ask each time (a 304 is cheap).
const REVALIDATE = 'no-cache';

const PREFIX = '/console';
/** A path that names a file (an extension in its last segment) is never a client route. */
const looksLikeFile = (pathname: string) => /\/[^/]*\.[A-Za-z0-9]+$/.test(pathname);

/**
 * The web console (apps/console), built to `directory`, at `/console/`: its files as they are, and
 * index.html for every other path under /console so that a deep link (`/console/partnerships/…`)
 * opens the app, whose router takes it from there. Without a build, every console path answers a 503
 * problem saying how to make one; the API is not affected either way.
 */
export async function serveConsole(fastify: FastifyInstance, directory: string): Promise<void> {
  const indexFile = path.join(directory, 'index.html');
  if (!fs.existsSync(indexFile)) {
    const notBuilt = () => {
      throw new Problem(
        ProblemType.ServiceUnavailable,
        `The web console is not built (no ${path.basename(directory)}/index.html): run \`npx vite build --config apps/console/vite.config.mjs\` (npm start does it), or set CONSOLE_DIR to a built console.`,
      );
    };
    fastify.get(PREFIX, notBuilt);
    fastify.get(`${PREFIX}/*`, notBuilt);
    return;
  }
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', (_request, reply, done) => {
      // After the platform's onRequest, so these replace the API's JSON-only policy for these answers.
      void reply.headers(CONSOLE_SECURITY_HEADERS);
      done();
    });
    scope.addHook('onSend', (request, reply, payload, done) => {
      if (reply.statusCode < 400) {
        const immutable = request.url.startsWith(`${PREFIX}/assets/`) && reply.statusCode !== 304;
        void reply.header('cache-control', immutable ? IMMUTABLE : REVALIDATE);
      }
      done(null, payload);
    });
    await scope.register(fastifyStatic, {
      root: directory,
      prefix: `${PREFIX}/`,
      // Swagger UI's copy of the plugin already decorates the reply; the fallback below serves index.html.
      decorateReply: false,
      // Only the files present at start get routes; every other path reaches the fallback below.
      wildcard: false,
      index: false,
      cacheControl: false,
      serveDotFiles: false,
    });
    const index = fs.readFileSync(indexFile);
    const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
      const pathname = request.url.split('?')[0] ?? '';
      if (looksLikeFile(pathname)) {
        // Answered here: a plugin's scope does not reach the platform's problem handler.
        const problem = new Problem(ProblemType.NotFound, `The console has no file ${pathname}`);
        return reply
          .code(404)
          .type('application/problem+json; charset=utf-8')
          .send(problem.toDetails(pathname, request.id));
      }
      return reply.type('text/html; charset=utf-8').send(index);
    };
    scope.get(PREFIX, sendIndex);
    scope.get(`${PREFIX}/`, sendIndex);
    scope.get(`${PREFIX}/*`, sendIndex);
  });
}
