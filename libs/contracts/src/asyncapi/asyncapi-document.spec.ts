import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { renderAsyncApiYaml } from '../../scripts/render-asyncapi-yaml';
import { PERSONAL_DATA_KEYWORD } from '../events/schema-helpers';
import { EVENT_TYPES, eventDefinition } from '../registry/event-registry';
import { buildAsyncApiDocument } from './asyncapi-document';

describe(buildAsyncApiDocument.name, () => {
  it('is a valid AsyncAPI 3.0 document listing every event type on its topic', async () => {
    const { document, diagnostics } = await new Parser().parse(renderAsyncApiYaml());
    // Compared as numbers: the parser and spectral each bundle their own copy of this enum.
    const errors = diagnostics.filter((d) => Number(d.severity) === Number(DiagnosticSeverity.Error));
    expect(errors.map((d) => `${d.path.join('/')}: ${d.message}`)).toEqual([]);
    if (document === undefined) throw new Error('the parser returned no document');

    expect(document.version()).toBe('3.0.0');
    expect(
      document
        .channels()
        .all()
        .map((channel) => channel.address()),
    ).toEqual(['c2c.cities.v1', 'c2c.partnerships.v1', 'c2c.commissions.v1']);
    const messages = new Map(
      document
        .messages()
        .all()
        .map((message) => [message.name(), message]),
    );
    expect([...messages.keys()].sort()).toEqual([...EVENT_TYPES].sort());
    const onChannel = (topic: string) =>
      document
        .channels()
        .all()
        .find((channel) => channel.address() === topic)
        ?.messages()
        .all()
        .map((message) => message.name());
    for (const type of EVENT_TYPES) {
      const definition = eventDefinition(type);
      expect(onChannel(definition.topic)).toContain(type);
      const message = messages.get(type);
      expect(message?.payload()?.id()).toBe(definition.dataschema);
      expect(message?.bindings().get('kafka')?.value()).toMatchObject({ key: { type: 'string' } });
    }
    const sends = document
      .operations()
      .all()
      .filter((operation) => operation.action() === 'send');
    expect(sends.map((operation) => operation.id())).toEqual([
      'citiesPublishes',
      'partnershipsPublishes',
      'commissionsPublishes',
    ]);
  });
});

describe('personal data in the AsyncAPI document', () => {
  type Node = Record<string, unknown>;

  /** `<event type> <path>` of every payload property marked `x-personal-data: true`, at any depth. */
  function* markedProperties(type: string, schema: Node, path = '$'): Generator<string> {
    for (const [name, sub] of Object.entries((schema.properties ?? {}) as Record<string, Node>)) {
      if (sub[PERSONAL_DATA_KEYWORD] === true) yield `${type} ${path}.${name}`;
      yield* markedProperties(type, sub, `${path}.${name}`);
    }
    if (typeof schema.items === 'object') yield* markedProperties(type, schema.items as Node, `${path}[]`);
    for (const sub of (schema.anyOf ?? []) as Node[]) yield* markedProperties(type, sub, path);
  }

  it('marks the city contact officers, and nothing else, as personal data', async () => {
    // Read back through the AsyncAPI parser, as tools read the document, so the extension survives it.
    const { document } = await new Parser().parse(renderAsyncApiYaml());
    if (document === undefined) throw new Error('the parser returned no document');
    const marked = document
      .messages()
      .all()
      .flatMap((message) => [...markedProperties(message.name() ?? '', message.payload()?.json() ?? {})]);
    expect(marked).toEqual([
      'c2c.city.registered.v1 $.contactOfficers',
      'c2c.city.profile-updated.v1 $.changes.contactOfficers',
    ]);
  });

  it('carries name, role and e-mail of a contact officer, and no phone', () => {
    const schemas = buildAsyncApiDocument().components as { schemas: Record<string, Node> };
    const registered = schemas.schemas['c2c.city.registered.v1'] as {
      properties: { contactOfficers: Node & { items: { properties: Node; required: string[] } } };
    };
    const { contactOfficers } = registered.properties;
    expect(contactOfficers).toMatchObject({ type: 'array', [PERSONAL_DATA_KEYWORD]: true });
    expect(Object.keys(contactOfficers.items.properties)).toEqual(['name', 'role', 'email']);
    expect(contactOfficers.items.required).toEqual(['name', 'email']);
  });
});
