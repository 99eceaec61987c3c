import { compareSchemas } from './compare-schemas';

const base = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://schemas.c2c.asianmayorsforum.org/events/c2c.x.y.v1.json',
  title: 'c2c.x.y.v1',
  description: 'Something happened.',
  type: 'object',
  required: ['id', 'kind', 'child'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    kind: { type: 'string', enum: ['a', 'b'] },
    note: { type: 'string', minLength: 1, maxLength: 200 },
    when: { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
    child: {
      type: 'object',
      required: ['code'],
      properties: { code: { type: 'string', pattern: '^[A-Z]{2}$' } },
    },
    list: { type: 'array', items: { type: 'object', properties: { n: { type: 'integer', minimum: 1 } } } },
  },
  examples: [{ id: '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b', kind: 'a', child: { code: 'ID' } }],
};

type Schema = Record<string, unknown>;
/** A deep copy of `base` with `change` applied to it. */
function changed(change: (schema: Schema & typeof base) => void): Schema {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

describe(compareSchemas.name, () => {
  it('accepts an identical schema', () => {
    expect(compareSchemas(base, structuredClone(base))).toEqual({ compatible: true, problems: [] });
  });

  it.each<[string, (s: Schema & typeof base) => void]>([
    ['a new optional property', (s) => Object.assign(s.properties, { extra: { type: 'string' } })],
    [
      'a new optional property in a nested object',
      (s) => Object.assign(s.properties.child.properties, { x: {} }),
    ],
    [
      'a new optional property in array items',
      (s) => Object.assign(s.properties.list.items.properties, { m: {} }),
    ],
    ['changed descriptions and titles', (s) => Object.assign(s, { description: 'New words.', title: 'Y' })],
    [
      'a description added deep down',
      (s) => Object.assign(s.properties.child, { description: 'The child.' }),
    ],
    ['changed examples', (s) => (s.examples = [])],
    ['enum values in another order', (s) => (s.properties.kind.enum = ['b', 'a'])],
  ])('accepts %s', (_, change) => {
    expect(compareSchemas(base, changed(change))).toEqual({ compatible: true, problems: [] });
  });

  it.each<[string, (s: Schema & typeof base) => void, string]>([
    [
      'a removed property',
      (s) => delete (s.properties as Partial<typeof base.properties>).note,
      '$.note: property removed',
    ],
    [
      'a new required property',
      (s) => {
        Object.assign(s.properties, { extra: { type: 'string' } });
        s.required.push('extra');
      },
      '$.extra: required property added',
    ],
    ['optional → required', (s) => s.required.push('note'), '$.note: optional became required'],
    ['required → optional', (s) => (s.required = ['id', 'kind']), '$.child: required became optional'],
    [
      'a changed type',
      (s) => (s.properties.id.type = 'integer'),
      '$.id: type changed from "string" to "integer"',
    ],
    [
      'a changed format',
      (s) => (s.properties.id.format = 'uri'),
      '$.id: format changed from "uuid" to "uri"',
    ],
    [
      'a changed nested pattern',
      (s) => (s.properties.child.properties.code.pattern = '^[A-Z]{3}$'),
      '$.child.code: pattern changed from "^[A-Z]{2}$" to "^[A-Z]{3}$"',
    ],
    ['an added enum value', (s) => s.properties.kind.enum.push('c'), '$.kind: enum values added ["c"]'],
    ['a removed enum value', (s) => (s.properties.kind.enum = ['a']), '$.kind: enum values removed ["b"]'],
    [
      'a raised maximum',
      (s) => (s.properties.note.maxLength = 500),
      '$.note: maxLength changed from 200 to 500',
    ],
    [
      'a dropped minimum',
      (s) => delete (s.properties.note as Partial<typeof base.properties.note>).minLength,
      '$.note: minLength removed (was 1)',
    ],
    [
      'an added minimum in array items',
      (s) => Object.assign(s.properties.list.items.properties.n, { maximum: 9 }),
      '$.list[].n: maximum added 9',
    ],
    [
      'a nullable made non-nullable',
      (s) => (s.properties.when = { anyOf: [{ type: 'string', format: 'date' }] }),
      '$.when/anyOf: 2 alternatives became 1',
    ],
    [
      'a changed alternative',
      (s) => (s.properties.when.anyOf[0] = { type: 'string', format: 'date-time' }),
      '$.when/anyOf[0]: format changed from "date" to "date-time"',
    ],
    [
      'closing the object',
      (s) => Object.assign(s, { additionalProperties: false }),
      '$: additionalProperties added false',
    ],
    [
      'a changed $id',
      (s) => (s.$id = 'https://example.org/x.json'),
      `$: $id changed from "${base.$id}" to "https://example.org/x.json"`,
    ],
  ])('rejects %s', (_, change, problem) => {
    const result = compareSchemas(base, changed(change));
    expect(result.compatible).toBe(false);
    expect(result.problems).toContain(problem);
  });

  it('lists every problem, not only the first', () => {
    const result = compareSchemas(
      base,
      changed((s) => {
        s.properties.id.type = 'integer';
        s.properties.kind.enum = ['a', 'c'];
      }),
    );
    expect(result.problems).toEqual([
      '$.id: type changed from "string" to "integer"',
      '$.kind: enum values added ["c"]',
      '$.kind: enum values removed ["b"]',
    ]);
  });
});
