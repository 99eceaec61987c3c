import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
};

type Operation = {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};

/**
 * A body's shape as a client sees it: every property path with its type and whether it is required,
 * nested objects and array items included (`contacts[].email: string!`). Names of the schemas, their
 * descriptions and examples are left out: they may differ between a service and the gateway.
 */
export function shapeOf(document: OpenAPIObject, schema: Schema | undefined, prefix = ''): string[] {
  const resolved = resolve(document, schema);
  if (resolved === undefined) return [];
  const merged = (resolved.allOf ?? []).reduce<Schema>(
    (all, part) => {
      const one = resolve(document, part) ?? {};
      return {
        properties: { ...all.properties, ...one.properties },
        required: [...(all.required ?? []), ...(one.required ?? [])],
      };
    },
    { properties: resolved.properties, required: resolved.required },
  );
  const lines: string[] = [];
  for (const [name, property] of Object.entries(merged.properties ?? {})) {
    const path = `${prefix}${name}`;
    const { schema: value, nullable } = withoutNull(document, property);
    const required = merged.required?.includes(name) ? '!' : '';
    const type = [value.type ?? (value.properties || value.allOf ? 'object' : '?')].flat().join('|');
    lines.push(`${path}: ${type}${nullable ? '|null' : ''}${required}`);
    if (type === 'array') lines.push(...shapeOf(document, value.items, `${path}[].`));
    else if (type === 'object') lines.push(...shapeOf(document, value, `${path}.`));
  }
  return lines.sort();
}

/**
 * A property's schema and whether it admits null, in either dialect: OpenAPI 3.0's `nullable: true`
 * (the services' documents) or 3.1's `type: [T, 'null']` and `oneOf: [T, {type: 'null'}]` (the
 * gateway's published document).
 */
function withoutNull(document: OpenAPIObject, property: Schema): { schema: Schema; nullable: boolean } {
  const isNull = (one: Schema) => one.type === 'null';
  const alternatives = property.oneOf ?? property.anyOf;
  if (alternatives?.some(isNull)) {
    const rest = alternatives.filter((one) => !isNull(one));
    if (rest.length === 1) return { schema: resolve(document, rest[0]) ?? {}, nullable: true };
  }
  const value = resolve(document, property) ?? {};
  if (Array.isArray(value.type)) {
    const types = value.type.filter((type) => type !== 'null');
    return {
      schema: { ...value, type: types.length === 1 ? types[0] : types },
      nullable: types.length < value.type.length,
    };
  }
  return { schema: value, nullable: value.nullable === true };
}

function resolve(document: OpenAPIObject, schema: Schema | undefined): Schema | undefined {
  if (schema?.$ref === undefined) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return resolve(document, document.components?.schemas?.[name] as Schema | undefined);
}

export interface BodyPair {
  route: string;
  part: 'request' | 'response';
  gateway: string[];
  service: string[];
}

/**
 * Every JSON body the gateway documents for a route that it forwards to a service (same method, same
 * path after `/api/v1`, path parameters by position), beside what the service documents for it.
 */
export function mirroredBodies(gateway: OpenAPIObject, service: OpenAPIObject): BodyPair[] {
  const normalise = (path: string) => path.replace(/\{[^}]+\}/g, '{}');
  const servicePaths = new Map(Object.keys(service.paths).map((path) => [normalise(path), path]));
  const pairs: BodyPair[] = [];
  for (const [publicPath, item] of Object.entries(gateway.paths)) {
    const servicePath = servicePaths.get(normalise(publicPath.replace(/^\/api\/v1/, '')));
    if (servicePath === undefined) continue;
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      const theirs = (service.paths[servicePath] as Record<string, Operation>)[method];
      if (theirs === undefined) continue;
      const route = `${method.toUpperCase()} ${publicPath}`;
      const body = (op: Operation) => op.requestBody?.content?.['application/json']?.schema;
      const answer = (op: Operation) =>
        Object.entries(op.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1].content?.[
          'application/json'
        ]?.schema;
      if (body(operation) || body(theirs)) {
        pairs.push({
          route,
          part: 'request',
          gateway: shapeOf(gateway, body(operation)),
          service: shapeOf(service, body(theirs)),
        });
      }
      pairs.push({
        route,
        part: 'response',
        gateway: shapeOf(gateway, answer(operation)),
        service: shapeOf(service, answer(theirs)),
      });
    }
  }
  return pairs;
}
