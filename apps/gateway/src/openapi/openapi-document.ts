import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PUBLIC_OPERATION } from '../http/api';

const DESCRIPTION = `The public API of the Asian Mayors Forum's City-to-City Cooperation Platform.

Authenticate with \`POST /api/v1/auth/token\` and send the token as \`Authorization: Bearer <token>\`.
Errors are \`application/problem+json\` (RFC 9457); switch on \`type\`. Lists return
\`{items, nextCursor}\`; pass \`nextCursor\` back as \`cursor\`. POSTs accept an \`Idempotency-Key\`;
updates need \`If-Match\` with the resource's \`ETag\`.`;

const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header' as const,
  required: false,
  description:
    'Makes a retry safe: the same key with the same request replays the first answer ' +
    '(`Idempotency-Replayed: true`); with another request it is a 422. Kept 24 hours, per user.',
  schema: { type: 'string' as const, minLength: 1, maxLength: 255 },
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** OpenAPI 3.1 is JSON Schema 2020-12, which has no `nullable`: say `type: [T, "null"]` instead. */
function withoutNullable(node: Json): Json {
  if (Array.isArray(node)) return node.map(withoutNullable);
  if (node === null || typeof node !== 'object') return node;
  const result: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'nullable') result[key] = withoutNullable(value);
  }
  if (node.nullable === true) {
    // A nullable reference comes as `{type: 'object', allOf: [{$ref}]}`: `type: [object, null]` beside
    // that allOf would still refuse null (the referenced schema is an object), so say "that or null".
    if (Array.isArray(result.allOf)) {
      const { allOf, type: _type, ...annotations } = result;
      const referenced = allOf.length === 1 ? allOf[0] : { allOf };
      return { ...annotations, oneOf: [referenced, { type: 'null' }] };
    }
    if (typeof result.type === 'string') result.type = [result.type, 'null'];
    else return { oneOf: [result, { type: 'null' }] };
  }
  return result;
}

/**
 * Builds the OpenAPI 3.1 document from the controllers' metadata only: no provider runs, so the
 * generator works without a database (the app may be created with `preview: true`).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('C2C Cooperation Platform API')
    .setDescription(DESCRIPTION)
    .setVersion('1.0.0')
    .setLicense('Proprietary', 'https://c2c.asianmayorsforum.org/terms')
    .addServer('http://127.0.0.1:3000', 'Local gateway')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addTag('identity', 'Logging in, tokens and the caller')
    .addTag('users', 'Platform users (secretariat)')
    .addTag('cities', 'City and local-authority profiles')
    .addTag('partnerships', 'City-to-city partnerships: proposal, acceptance, lifecycle, activities, history')
    .addTag('events', 'The event catalogue for subscribers')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller, method) => method,
  });
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation === undefined) continue;
      const extensible = operation as typeof operation & Record<string, unknown>;
      const isPublic = extensible[PUBLIC_OPERATION] === true;
      delete extensible[PUBLIC_OPERATION];
      if (isPublic) operation.security = [];
      // Every authenticated POST honours Idempotency-Key (see http/request-policies.ts).
      if (method === 'post' && !isPublic) {
        operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY_PARAMETER];
      }
    }
  }
  return withoutNullable(document as unknown as Json) as unknown as OpenAPIObject;
}

/** The document as committed in docs/openapi.json. */
export const serialiseOpenApi = (document: OpenAPIObject): string => `${JSON.stringify(document, null, 2)}\n`;
