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
  it('registers the city, partnership, commission and best-practice events, each once, on its topic', () => {
    expect(EVENT_TYPES).toHaveLength(30);
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect(eventTypesOfTopic('c2c.cities.v1')).toEqual([
      'c2c.city.registered.v1',
      'c2c.city.profile-updated.v1',
      'c2c.city.membership-changed.v1',
      'c2c.city.archived.v1',
    ]);
    expect(eventTypesOfTopic('c2c.partnerships.v1')).toHaveLength(12);
    expect(eventTypesOfTopic('c2c.commissions.v1')).toEqual([
      'c2c.commission.membership-requested.v1',
      'c2c.commission.member-admitted.v1',
      'c2c.commission.membership-rejected.v1',
      'c2c.commission.member-left.v1',
      'c2c.commission.chair-changed.v1',
      'c2c.commission.meeting-scheduled.v1',
      'c2c.commission.meeting-held.v1',
      'c2c.commission.meeting-cancelled.v1',
      'c2c.commission.resolution-adopted.v1',
      'c2c.commission.action-status-changed.v1',
      'c2c.commission.action-overdue.v1',
      'c2c.best-practice.submitted.v1',
      'c2c.best-practice.published.v1',
      'c2c.best-practice.returned.v1',
    ]);
    expect(topicOf('c2c.partnership.activated.v1')).toBe('c2c.partnerships.v1');
    expect(topicOf('c2c.best-practice.published.v1')).toBe('c2c.commissions.v1');
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
    // A topic may carry several aggregates (commissions and best practices share c2c.commissions.v1),
    // but one aggregate's events must never be split over topics: their order would be lost.
    const aggregates = new Set(EVENT_DEFINITIONS.map((d) => d.aggregate));
    for (const aggregate of aggregates) {
      const topics = new Set(EVENT_DEFINITIONS.filter((d) => d.aggregate === aggregate).map((d) => d.topic));
      expect([aggregate, topics.size]).toEqual([aggregate, 1]);
    }
  });

  it.each(EVENT_TYPES)('%s: its example carries the aggregate id it is keyed by', (type) => {
    const definition = eventDefinition(type);
    const example = definition.example as Record<string, unknown>;
    const nested = example[definition.aggregate] as Record<string, unknown> | undefined;
    const key = definition.keyField ?? `${definition.aggregate}Id`;
    expect(example[key] ?? nested?.[key]).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
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

describe('commission and best-practice payloads', () => {
  const scheduled = eventDefinition('c2c.commission.meeting-scheduled.v1').example;

  it('wants a host city or an online link for a meeting, or both', () => {
    const { hostCityId, onlineUrl, ...nowhere } = scheduled;
    expect(validateEventData('c2c.commission.meeting-scheduled.v1', { ...nowhere, hostCityId }).ok).toBe(
      true,
    );
    expect(validateEventData('c2c.commission.meeting-scheduled.v1', { ...nowhere, onlineUrl }).ok).toBe(true);
    expect(validateEventData('c2c.commission.meeting-scheduled.v1', nowhere).ok).toBe(false);
  });

  it('takes IANA time zones and refuses offsets or free text', () => {
    for (const timeZone of ['Asia/Tehran', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+8']) {
      expect(validateEventData('c2c.commission.meeting-scheduled.v1', { ...scheduled, timeZone }).ok).toBe(
        true,
      );
    }
    for (const timeZone of ['+07:00', 'Jakarta time', 'Asia/']) {
      expect(validateEventData('c2c.commission.meeting-scheduled.v1', { ...scheduled, timeZone }).ok).toBe(
        false,
      );
    }
  });

  it('checks the vocabularies: roles, leave reasons, action statuses, challenges, SDGs, areas', () => {
    const admitted = eventDefinition('c2c.commission.member-admitted.v1').example;
    expect(
      validateEventData('c2c.commission.member-admitted.v1', { ...admitted, role: 'president' }),
    ).toEqual({
      ok: false,
      errors: [{ path: '/role', message: 'must be equal to one of the allowed values' }],
    });
    const left = eventDefinition('c2c.commission.member-left.v1').example;
    expect(validateEventData('c2c.commission.member-left.v1', { ...left, reason: 'expelled' }).ok).toBe(
      false,
    );
    const changed = eventDefinition('c2c.commission.action-status-changed.v1').example;
    expect(
      validateEventData('c2c.commission.action-status-changed.v1', { ...changed, status: 'closed' }).ok,
    ).toBe(false);
    const practice = eventDefinition('c2c.best-practice.published.v1').example;
    expect(
      validateEventData('c2c.best-practice.published.v1', {
        ...practice,
        challenges: ['traffic'],
        sdgs: [0],
        cooperationAreas: ['space'],
      }),
    ).toEqual({
      ok: false,
      errors: expect.arrayContaining([
        { path: '/challenges/0', message: 'must be equal to one of the allowed values' },
        { path: '/sdgs/0', message: 'must be >= 1' },
        { path: '/cooperationAreas/0', message: 'must be equal to one of the allowed values' },
      ]) as unknown,
    });
  });

  it('keys practice events by practiceId', () => {
    expect(eventDefinition('c2c.best-practice.returned.v1')).toMatchObject({
      aggregate: 'best-practice',
      keyField: 'practiceId',
      source: '/c2c/commissions',
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

describe('city contact officers', () => {
  const registered = eventDefinition('c2c.city.registered.v1').example;
  const updated = eventDefinition('c2c.city.profile-updated.v1').example;
  const { contactOfficers, ...withoutContacts } = registered;
  const officer = { name: 'Sari Wulandari', email: 'sari.wulandari@example.org' };

  it('are optional: a registration and an update validate with them and without them', () => {
    expect(contactOfficers).toBeDefined();
    expect(validateEventData('c2c.city.registered.v1', registered).ok).toBe(true);
    expect(validateEventData('c2c.city.registered.v1', withoutContacts).ok).toBe(true);
    const { contactOfficers: _changed, ...otherChanges } = updated.changes;
    for (const changes of [{ contactOfficers: [officer] }, { contactOfficers: null }, otherChanges]) {
      const changedFields = Object.keys(changes);
      expect(
        validateEventData('c2c.city.profile-updated.v1', { ...updated, changedFields, changes }),
      ).toEqual({ ok: true, data: { ...updated, changedFields, changes } });
    }
  });

  it.each([
    ['without an e-mail', [{ name: 'Sari Wulandari' }], '/contactOfficers/0/email', 'is required'],
    ['without a name', [{ email: officer.email }], '/contactOfficers/0/name', 'is required'],
    [
      'with an empty role',
      [{ ...officer, role: '' }],
      '/contactOfficers/0/role',
      'must NOT have fewer than 1 characters',
    ],
    [
      'with an e-mail that has no domain',
      [{ ...officer, email: 'sari' }],
      '/contactOfficers/0/email',
      'must match pattern "@[^@\\s]+$"',
    ],
    ['as an empty list (none is left out)', [], '/contactOfficers', 'must NOT have fewer than 1 items'],
  ])('are refused %s', (_, officers, path, message) => {
    expect(validateEventData('c2c.city.registered.v1', { ...registered, contactOfficers: officers })).toEqual(
      {
        ok: false,
        errors: [{ path, message }],
      },
    );
  });
});
