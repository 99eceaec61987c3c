import { Problem, ProblemType } from '@c2c/platform';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyInstance, preValidationHookHandler } from 'fastify';

const BODY_METHODS = ['post', 'put', 'patch'] as const;

/** `/api/v1/cities/{id}` as Fastify names the route: `/api/v1/cities/:id`. */
const fastifyPathOf = (path: string): string => path.replace(/\{([^}]+)\}/g, ':$1');

/**
 * Refuses a request without a body on a route whose document says its body is required, with a 400
 * naming `(body)`. Without it, a missing body reached validation as `{}` (Nest's ValidationPipe reads
 * nothing as an empty object), which an update whose fields are all optional took as a change of
 * nothing. Read from the public document, so it holds for the gateway's routes and the forwarded
 * ones alike; it runs on preValidation, after authentication and once the body is parsed.
 */
export function requireDocumentedBodies(fastify: FastifyInstance, document: OpenAPIObject): void {
  const required = new Set<string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of BODY_METHODS) {
      if (item[method]?.requestBody !== undefined && 'required' in item[method].requestBody) {
        if (item[method].requestBody.required === true) {
          required.add(`${method.toUpperCase()} ${fastifyPathOf(path)}`);
        }
      }
    }
  }
  const hook: preValidationHookHandler = (request, _reply, done) => {
    const body: unknown = request.body;
    if (
      (body === undefined || body === null) &&
      required.has(`${request.method} ${request.routeOptions.url}`)
    ) {
      return done(
        new Problem(ProblemType.ValidationError, 'invalid field(s): (body)', {
          errors: [{ field: '(body)', message: 'this route needs a JSON body' }],
        }),
      );
    }
    done();
  };
  fastify.addHook('preValidation', hook);
}
