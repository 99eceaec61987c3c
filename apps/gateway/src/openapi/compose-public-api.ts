import type { OpenAPIObject } from '@nestjs/swagger';
import { problemResponseObject } from '@c2c/platform';
import { API_PREFIX, PUBLIC_OPERATION } from '../http/routes';
import { withLinks, withRequestRules } from './public-api-rules';
import type { ServiceApiDocument } from './service-api-documents';

const DESCRIPTION = `The public API of the Asian Mayors Forum's City-to-City Cooperation Platform.

Authenticate with \`POST /api/v1/auth/token\` and send the token as \`Authorization: Bearer <token>\`.
Errors are \`application/problem+json\` (RFC 9457); switch on \`type\`. Lists return
\`{items, nextCursor}\`; pass \`nextCursor\` back as \`cursor\`. POSTs accept an \`Idempotency-Key\`;
updates need \`If-Match\` with the resource's \`ETag\`.`;

const TAGS = [
  { name: 'identity', description: 'Logging in, tokens and the caller' },
  { name: 'users', description: 'Platform users (secretariat)' },
  { name: 'cities', description: 'City and local-authority profiles' },
  {
    name: 'partnerships',
    description: 'City-to-city partnerships: proposal, acceptance, lifecycle, activities, history',
  },
  { name: 'events', description: 'The event catalogue for subscribers' },
];

const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: the same key with the same request replays the first answer ' +
    '(`Idempotency-Replayed: true`); with another request it is a 422. Kept 24 hours, per user.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

/**
 * What the gateway itself may answer on any route it forwards, whatever the service says: no or a bad
 * token, a role the route does not admit, the rate limits, a body too large, a reused idempotency key,
 * and the service being down or slow.
 */
const FORWARDING_ANSWERS = [400, 401, 403, 429, 503, 504];
const BODY_ANSWERS = [413];
const POST_ANSWERS = [422];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** OpenAPI 3.1 is JSON Schema 2020-12, which has no `nullable`: say `type: [T, "null"]` instead. */
function withoutNullable(node: Json): Json {
  if (Array.isArray(node)) return node.map(withoutNullable);
  if (!isObject(node)) return node;
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'nullable') result[key] = withoutNullable(value);
  }
  if (node.nullable === true) {
    // A nullable reference comes as `{type: 'object', allOf: [{$ref}]}`: `type: [object, null]` beside
    // that allOf would still refuse null (the referenced schema is an object), so say "that or null".
    if (Array.isArray(result.allOf)) {
      const { allOf, type: _type, ...annotations } = result;
      const referenced = allOf.length === 1 ? (allOf[0] ?? {}) : { allOf };
      return { ...annotations, oneOf: [referenced, { type: 'null' }] };
    }
    if (typeof result.type === 'string') result.type = [result.type, 'null'];
    else return { oneOf: [result, { type: 'null' }] };
  }
  return result;
}

/** Rewrites `#/components/schemas/<old>` references by a rename map, everywhere in a tree. */
function renameRefs(node: Json, renames: Map<string, string>): Json {
  if (renames.size === 0) return node;
  if (Array.isArray(node)) return node.map((item) => renameRefs(item, renames));
  if (!isObject(node)) return node;
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    const target =
      key === '$ref' && typeof value === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(value) : null;
    const renamed = target?.[1] === undefined ? undefined : renames.get(target[1]);
    result[key] = renamed === undefined ? renameRefs(value, renames) : `#/components/schemas/${renamed}`;
  }
  return result;
}

const capitalised = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** Adds the problem answers the gateway may give, where the operation does not document them yet. */
function withGatewayAnswers(method: string, operation: JsonObject, forwarded: boolean): JsonObject {
  const responses: JsonObject = isObject(operation.responses) ? { ...operation.responses } : {};
  const statuses = forwarded ? [...FORWARDING_ANSWERS] : [];
  if (forwarded && ['post', 'put', 'patch'].includes(method)) statuses.push(...BODY_ANSWERS);
  if (method === 'post' && operation.security !== undefined && !isPublic(operation))
    statuses.push(...POST_ANSWERS);
  for (const status of statuses) {
    responses[String(status)] ??= problemResponseObject(status) as unknown as Json;
  }
  const ordered = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  return { ...operation, responses: ordered };
}

const isPublic = (operation: JsonObject): boolean =>
  Array.isArray(operation.security) && operation.security.length === 0;

/** The public form of an operation: the gateway's security, Idempotency-Key on authenticated POSTs. */
function publicOperation(method: string, operation: JsonObject, forwarded: boolean): JsonObject {
  const open = operation[PUBLIC_OPERATION] === true;
  const { [PUBLIC_OPERATION]: _marker, ...rest } = operation;
  const result: JsonObject = { ...rest, security: open ? [] : [{ bearer: [] }] };
  if (method === 'post' && !open) {
    const parameters = Array.isArray(result.parameters) ? result.parameters : [];
    result.parameters = [...parameters, IDEMPOTENCY_KEY_PARAMETER];
  }
  return withGatewayAnswers(method, result, forwarded);
}

/**
 * The public OpenAPI 3.1 document, composed rather than written twice: the gateway's own routes
 * (tokens, users, me, dossier, event catalogue) and every service's own document, whose paths are
 * served under `/api/v1`. Each service's schemas keep their names; one that clashes with a different
 * schema of the same name is prefixed with its service. The gateway adds what is its own: the
 * prefix, the bearer scheme, Idempotency-Key, the problem answers it gives on every route, the
 * request rules every service applies and the links between operations (./public-api-rules).
 */
export function composePublicApi(own: OpenAPIObject, services: ServiceApiDocument[]): OpenAPIObject {
  const gateway = own as unknown as JsonObject;
  const schemas: JsonObject = {
    ...(isObject(gateway.components) && isObject(gateway.components.schemas)
      ? gateway.components.schemas
      : {}),
  };
  const paths: JsonObject = {};
  const tags = [...TAGS];

  for (const [route, item] of Object.entries(isObject(gateway.paths) ? gateway.paths : {})) {
    if (!isObject(item)) continue;
    paths[route] = Object.fromEntries(
      METHODS.filter((method) => isObject(item[method])).map((method) => [
        method,
        publicOperation(method, item[method] as JsonObject, false),
      ]),
    );
  }

  for (const { service, document } of services) {
    const source = document as unknown as JsonObject;
    const own =
      isObject(source.components) && isObject(source.components.schemas) ? source.components.schemas : {};
    const renames = new Map<string, string>();
    for (const [name, schema] of Object.entries(own)) {
      const existing = schemas[name];
      if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(schema)) {
        renames.set(name, `${capitalised(service)}${name}`);
      }
    }
    for (const [name, schema] of Object.entries(own)) {
      schemas[renames.get(name) ?? name] = renameRefs(schema, renames);
    }
    for (const [route, item] of Object.entries(isObject(source.paths) ? source.paths : {})) {
      if (!isObject(item)) continue;
      const publicRoute = `/${API_PREFIX}${route}`;
      if (paths[publicRoute] !== undefined) {
        throw new Error(`${service} documents ${route}, which the gateway already serves as ${publicRoute}`);
      }
      paths[publicRoute] = Object.fromEntries(
        METHODS.filter((method) => isObject(item[method])).map((method) => [
          method,
          publicOperation(method, renameRefs(item[method] as JsonObject, renames) as JsonObject, true),
        ]),
      );
    }
    for (const tag of Array.isArray(source.tags) ? source.tags : []) {
      if (isObject(tag) && typeof tag.name === 'string' && !tags.some((known) => known.name === tag.name)) {
        tags.push({
          name: tag.name,
          description: typeof tag.description === 'string' ? tag.description : '',
        });
      }
    }
  }

  const composed: JsonObject = {
    openapi: '3.1.0',
    info: {
      title: 'C2C Cooperation Platform API',
      description: DESCRIPTION,
      version: '1.0.0',
      license: { name: 'Proprietary', url: 'https://c2c.asianmayorsforum.org/terms' },
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'Local gateway' }],
    tags,
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
  return withoutNullable(withLinks(withRequestRules(composed))) as unknown as OpenAPIObject;
}
