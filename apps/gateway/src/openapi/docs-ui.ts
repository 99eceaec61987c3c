import { createReadStream } from 'node:fs';
import path from 'node:path';
import { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply } from 'fastify';

// swagger-ui-dist comes with @nestjs/swagger; resolve it from there rather than depend on it twice.
const SWAGGER_UI_DIR = path.dirname(
  require.resolve('swagger-ui-dist/package.json', {
    paths: [path.dirname(require.resolve('@nestjs/swagger'))],
  }),
);

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>C2C Cooperation Platform API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-init.js"></script>
</body>
</html>
`;

// A file, not an inline script, so the Content-Security-Policy can keep script-src 'self'.
const INIT = `window.ui = SwaggerUIBundle({
  url: '/docs/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
});
`;

/**
 * Interactive documentation at `/docs` (Swagger UI) and the document at `/docs/openapi.json`. The
 * document is built on first use, which keeps it out of the start-up time and the resting memory.
 */
export function serveDocs(
  fastify: FastifyInstance,
  build: () => OpenAPIObject,
  securityHeaders: Record<string, string>,
): void {
  let document: string | undefined;
  // The pages' own security headers (a browser renders them), in place of the API's.
  const route = {
    onRequest: (_request: unknown, reply: FastifyReply, done: () => void) => {
      void reply.headers(securityHeaders);
      done();
    },
  };
  fastify.get('/docs', route, (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  fastify.get('/docs/swagger-init.js', route, (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').send(INIT),
  );
  fastify.get('/docs/openapi.json', route, (_request, reply) => {
    document ??= JSON.stringify(build());
    return reply.type('application/json; charset=utf-8').send(document);
  });
  for (const [file, type] of Object.entries(ASSETS)) {
    fastify.get(`/docs/${file}`, route, (_request, reply) =>
      reply
        .type(type)
        .header('cache-control', 'public, max-age=86400')
        .send(createReadStream(path.join(SWAGGER_UI_DIR, file))),
    );
  }
}
