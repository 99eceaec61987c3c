import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { renderAsyncApiYaml } from '../../scripts/render-asyncapi-yaml';
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
