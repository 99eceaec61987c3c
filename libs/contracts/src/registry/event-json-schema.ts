import { eventDefinition, type EventType } from './event-registry';

/** A JSON Schema document as plain JSON (no TypeBox symbols). */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** The JSON Schema dialect of every published event schema. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

const cache = new Map<EventType, JsonSchema>();

/**
 * The standalone JSON Schema (draft 2020-12) of an event type's `data`: the document behind its
 * `ce_dataschema` URI (`$id`), titled with the type, with the definition's description and example.
 * Plain JSON (a deep copy), so callers may serialise or hand it to any validator.
 */
export function eventJsonSchema(type: EventType): JsonSchema {
  let schema = cache.get(type);
  if (schema === undefined) {
    const definition = eventDefinition(type);
    // A JSON round trip drops TypeBox's symbol-keyed metadata and shares nothing with the definition.
    const body = orderKeywords(JSON.parse(JSON.stringify(definition.schema)) as Record<string, unknown>);
    schema = deepFreeze({
      $schema: JSON_SCHEMA_DIALECT,
      $id: definition.dataschema,
      title: definition.type,
      description: definition.description,
      ...body,
      examples: [definition.example],
    });
    cache.set(type, schema);
  }
  return structuredClone(schema);
}

const LEADING = ['title', 'description', 'type'];

/** Puts `title`, `description` and `type` first in every subschema, for people reading the JSON. */
function orderKeywords(schema: Record<string, unknown>): Record<string, unknown> {
  const keys = [
    ...LEADING.filter((key) => key in schema),
    ...Object.keys(schema).filter((k) => !LEADING.includes(k)),
  ];
  return Object.fromEntries(keys.map((key) => [key, orderSubschemas(key, schema[key])]));
}

function orderSubschemas(keyword: string, value: unknown): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (keyword === 'properties' && isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, sub]) => [name, isObject(sub) ? orderKeywords(sub) : sub]),
    );
  }
  if (
    (keyword === 'items' || keyword === 'additionalProperties') &&
    isObject(value) &&
    !Array.isArray(value)
  ) {
    return orderKeywords(value);
  }
  if (['anyOf', 'oneOf', 'allOf'].includes(keyword) && Array.isArray(value)) {
    return value.map((sub: unknown) => (isObject(sub) ? orderKeywords(sub) : sub));
  }
  return value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
