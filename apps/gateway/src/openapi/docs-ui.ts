import swagger, { type StaticDocumentSpec } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Interactive documentation at `/docs` (Swagger UI, from @fastify/swagger-ui) of the composed public
 * document, which is also served as `/docs/openapi.json`. The pages carry the documentation's own
 * security headers (a browser renders them) instead of the API's; Swagger UI's scripts are files, so
 * its Content-Security-Policy keeps `script-src 'self'`. Authorization is not persisted in the browser:
 * a token pasted into the page is gone with the tab.
 */
export async function serveDocs(
  fastify: FastifyInstance,
  document: OpenAPIObject,
  securityHeaders: Record<string, string>,
): Promise<void> {
  const withPageHeaders = (_request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    void reply.headers(securityHeaders);
    done();
  };
  // @fastify/swagger types documents with openapi-types, Nest with its own interfaces: one JSON shape.
  const specification = { document: document as unknown as StaticDocumentSpec['document'] };
  await fastify.register(swagger, { mode: 'static', specification });
  await fastify.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true, persistAuthorization: false },
    uiHooks: { onRequest: withPageHeaders },
  });
  const text = JSON.stringify(document);
  fastify.get('/docs/openapi.json', { onRequest: withPageHeaders }, (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(text),
  );
}
