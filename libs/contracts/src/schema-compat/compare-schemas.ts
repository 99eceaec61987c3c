// Backward compatibility of a published event schema, checked against its committed snapshot.
//
// Subscribers written against the previous schema must keep working with every payload the current
// one allows, and producers still running the previous schema must keep producing payloads the current
// one accepts. With tolerant readers the only change safe both ways is a new optional property;
// annotations never affect validation. Everything else — even "loosening" such as dropping a
// maxLength, or a new enum value a switch does not handle — is treated as breaking.

/** Outcome of {@link compareSchemas}. */
export interface SchemaCompatibility {
  /** True when `problems` is empty. */
  readonly compatible: boolean;
  /** One line per breaking change, each starting with the payload path, e.g. `$.partnership.title`. */
  readonly problems: readonly string[];
}

type Schema = Readonly<Record<string, unknown>>;

/** Keywords that only document. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', '$comment']);
/** Keywords whose value is one subschema. */
const SUBSCHEMA = new Set([
  'items',
  'additionalProperties',
  'not',
  'contains',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
]);
/** Keywords whose value is a list of subschemas, matched by position. */
const SUBSCHEMA_LIST = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);

/**
 * Whether `current` may replace `previous` for an already published event type. Compatible changes:
 * adding an optional property (at any depth) and changing `title`, `description`, `examples` or
 * `$comment`. Anything else is reported.
 */
export function compareSchemas(previous: unknown, current: unknown): SchemaCompatibility {
  const problems: string[] = [];
  compareAt('$', previous, current, problems);
  return { compatible: problems.length === 0, problems };
}

function compareAt(path: string, previous: unknown, current: unknown, problems: string[]): void {
  if (!isSchemaObject(previous) || !isSchemaObject(current)) {
    if (!deepEqual(previous, current))
      problems.push(`${path}: schema changed from ${show(previous)} to ${show(current)}`);
    return;
  }
  compareProperties(path, previous, current, problems);
  const keywords = new Set([...Object.keys(previous), ...Object.keys(current)]);
  for (const keyword of keywords) {
    if (ANNOTATIONS.has(keyword) || keyword === 'properties' || keyword === 'required') continue;
    const before = previous[keyword];
    const after = current[keyword];
    if (before === undefined || after === undefined) {
      if (before !== after) {
        const verb = before === undefined ? `added ${show(after)}` : `removed (was ${show(before)})`;
        problems.push(`${path}: ${keyword} ${verb}`);
      }
    } else if (SUBSCHEMA.has(keyword)) {
      compareAt(keyword === 'items' ? `${path}[]` : `${path}/${keyword}`, before, after, problems);
    } else if (SUBSCHEMA_LIST.has(keyword) && Array.isArray(before) && Array.isArray(after)) {
      compareLists(`${path}/${keyword}`, before, after, problems);
    } else if (keyword === 'enum' && Array.isArray(before) && Array.isArray(after)) {
      compareEnums(path, before, after, problems);
    } else if (!deepEqual(before, after)) {
      problems.push(`${path}: ${keyword} changed from ${show(before)} to ${show(after)}`);
    }
  }
}

function compareProperties(path: string, previous: Schema, current: Schema, problems: string[]): void {
  const before = asRecord(previous.properties);
  const after = asRecord(current.properties);
  const requiredBefore = new Set(asStrings(previous.required));
  const requiredAfter = new Set(asStrings(current.required));
  for (const name of Object.keys(before)) {
    if (!Object.hasOwn(after, name)) problems.push(`${path}.${name}: property removed`);
    else compareAt(`${path}.${name}`, before[name], after[name], problems);
  }
  for (const name of Object.keys(after)) {
    if (!Object.hasOwn(before, name) && requiredAfter.has(name))
      problems.push(`${path}.${name}: required property added`);
  }
  for (const name of requiredBefore) {
    if (requiredAfter.has(name)) continue;
    if (Object.hasOwn(after, name)) problems.push(`${path}.${name}: required became optional`);
    else if (!Object.hasOwn(before, name)) problems.push(`${path}.${name}: no longer required`);
  }
  for (const name of requiredAfter) {
    if (requiredBefore.has(name)) continue;
    if (Object.hasOwn(before, name) && Object.hasOwn(after, name))
      problems.push(`${path}.${name}: optional became required`);
    else if (!Object.hasOwn(before, name) && !Object.hasOwn(after, name))
      problems.push(`${path}.${name}: now required`);
  }
}

function compareLists(path: string, before: unknown[], after: unknown[], problems: string[]): void {
  if (before.length !== after.length) {
    problems.push(`${path}: ${before.length} alternatives became ${after.length}`);
    return;
  }
  before.forEach((schema, index) => compareAt(`${path}[${index}]`, schema, after[index], problems));
}

function compareEnums(path: string, before: unknown[], after: unknown[], problems: string[]): void {
  // Order carries no meaning in `enum`, so only membership is compared.
  const added = after.filter((value) => !before.some((old) => deepEqual(old, value)));
  const removed = before.filter((value) => !after.some((now) => deepEqual(now, value)));
  if (added.length > 0) problems.push(`${path}: enum values added ${show(added)}`);
  if (removed.length > 0) problems.push(`${path}: enum values removed ${show(removed)}`);
}

function isSchemaObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Schema {
  return isSchemaObject(value) ? value : {};
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
    );
  }
  if (!isSchemaObject(a) || !isSchemaObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
  );
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
