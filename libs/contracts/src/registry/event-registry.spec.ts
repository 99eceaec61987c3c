import { TOPIC_NAMES } from './topics';
import {
  EVENT_DEFINITIONS,
  EVENT_TYPES,
  eventDefinition,
  eventTypesOfTopic,
  isKnownEventType,
  topicOf,
} from './event-registry';
import { eventJsonSchema } from './event-json-schema';
import { validateEventData } from './validate-event-data';

type Node = Record<string, unknown>;

/** Every subschema of a JSON Schema, with the property name it describes (if any). */
function* subschemas(schema: Node, name = ''): Generator<[Node, string]> {
  yield [schema, name];
  for (const [key, sub] of Object.entries((schema.properties ?? {}) as Record<string, Node>)) {
    yield* subschemas(sub, key);
  }
  if (typeof schema.items === 'object') yield* subschemas(schema.items as Node, `${name}[]`);
  for (const sub of (schema.anyOf ?? []) as Node[]) yield* subschemas(sub, name);
}

describe('event registry', () => {
  it('registers the city and partnership events, each once, on its own topic', () => {
    expect(EVENT_TYPES).toHaveLength(16);
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect(eventTypesOfTopic('c2c.cities.v1')).toEqual([
      'c2c.city.registered.v1',
      'c2c.city.profile-updated.v1',
      'c2c.city.membership-changed.v1',
      'c2c.city.archived.v1',
    ]);
    expect(eventTypesOfTopic('c2c.partnerships.v1')).toHaveLength(12);
    expect(eventTypesOfTopic('c2c.commissions.v1')).toEqual([]);
    expect(topicOf('c2c.partnership.activated.v1')).toBe('c2c.partnerships.v1');
  });

  it('derives source, dataschema and version from the definition', () => {
    expect(eventDefinition('c2c.partnership.renewal-due.v1')).toMatchObject({
      aggregate: 'partnership',
      version: 1,
      source: '/c2c/partnerships',
      dataschema: 'https://schemas.c2c.asianmayorsforum.org/events/c2c.partnership.renewal-due.v1.json',
    });
  });

  it('tells known event types from others', () => {
    expect(isKnownEventType('c2c.city.archived.v1')).toBe(true);
    expect(isKnownEventType('c2c.city.archived.v2')).toBe(false);
    expect(isKnownEventType('toString')).toBe(false);
  });

  it('keeps each aggregate on one topic', () => {
    for (const topic of TOPIC_NAMES) {
      const aggregates = new Set(EVENT_DEFINITIONS.filter((d) => d.topic === topic).map((d) => d.aggregate));
      expect(aggregates.size).toBeLessThanOrEqual(1);
    }
  });

  it.each(EVENT_TYPES)('%s: its example is valid', (type) => {
    expect(validateEventData(type, eventDefinition(type).example)).toEqual({
      ok: true,
      data: eventDefinition(type).example,
    });
  });

  it.each(EVENT_TYPES)('%s: is a tolerant reader with uuid ids and formatted dates', (type) => {
    for (const [schema, name] of subschemas(eventJsonSchema(type))) {
      expect(schema.additionalProperties).toBeUndefined();
      if (schema.type === 'string' && /(Id|Ids\[\])$/.test(name)) expect(schema.format).toBe('uuid');
      if (schema.type === 'string' && /(At|On|Date)$/.test(name))
        expect(schema.format).toMatch(/^date(-time)?$/);
    }
    const example = eventDefinition(type).example;
    expect(validateEventData(type, { ...example, addedInALaterRelease: true }).ok).toBe(true);
  });
});

describe(validateEventData.name, () => {
  it('returns every problem with a JSON pointer to it', () => {
    const result = validateEventData('c2c.city.registered.v1', {
      cityId: 'not-a-uuid',
      name: 'Surabaya',
      countryCode: 'id',
      level: 'village',
      sdgFocus: [18],
      registeredAt: '2026-03-02',
    });
    expect(result).toEqual({
      ok: false,
      errors: expect.arrayContaining([
        { path: '/cityId', message: 'must match format "uuid"' },
        { path: '/countryCode', message: 'must match pattern "^[A-Z]{2}$"' },
        { path: '/level', message: 'must be equal to one of the allowed values' },
        { path: '/sdgFocus/0', message: 'must be <= 17' },
        { path: '/registeredAt', message: 'must match format "date-time"' },
        { path: '/membershipStatus', message: 'is required' },
      ]) as unknown,
    });
  });

  it('rejects what is not an object', () => {
    expect(validateEventData('c2c.city.archived.v1', null)).toEqual({
      ok: false,
      errors: [{ path: '', message: 'must be object' }],
    });
  });

  it('reports an unknown type, which only a cast can produce, instead of throwing', () => {
    expect(validateEventData('c2c.city.founded.v1' as 'c2c.city.archived.v1', {})).toEqual({
      ok: false,
      errors: [{ path: '', message: 'unknown event type c2c.city.founded.v1' }],
    });
  });
});

describe(eventJsonSchema.name, () => {
  it('is a standalone draft 2020-12 document named by its dataschema URI', () => {
    const schema = eventJsonSchema('c2c.city.archived.v1');
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://schemas.c2c.asianmayorsforum.org/events/c2c.city.archived.v1.json',
      title: 'c2c.city.archived.v1',
      description: expect.stringContaining('archived') as unknown,
      type: 'object',
      required: ['cityId', 'name', 'countryCode', 'archivedAt'],
      examples: [eventDefinition('c2c.city.archived.v1').example],
    });
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('hands out copies, so a caller cannot change what others validate against', () => {
    (eventJsonSchema('c2c.city.archived.v1') as Record<string, unknown>).type = 'string';
    expect(eventJsonSchema('c2c.city.archived.v1').type).toBe('object');
  });
});
