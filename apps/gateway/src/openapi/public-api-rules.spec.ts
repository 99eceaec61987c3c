import { NO_CONTROL_CHARACTER_PATTERN } from '@c2c/platform';
import { withLinks, withRequestRules } from './public-api-rules';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const document = (): JsonObject => ({
  paths: {
    '/partnerships': {
      post: {
        operationId: 'proposePartnership',
        parameters: [
          { name: 'q', in: 'query', schema: { type: 'string' } },
          { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } },
        ],
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Propose' } } },
        },
        responses: { '201': { description: 'Proposed' } },
      },
    },
    '/partnerships/{id}': {
      get: { operationId: 'getPartnership', responses: { '200': { description: 'It' } } },
    },
    '/partnerships/{id}/acceptances': {
      post: { operationId: 'acceptPartnership', responses: { '200': { description: 'Accepted' } } },
    },
  },
  components: {
    schemas: {
      Propose: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          day: { type: 'string', format: 'date' },
          kind: { type: 'string', enum: ['a', 'b'] },
          code: { type: 'string', pattern: '^[A-Z]+$' },
          signatories: { type: 'array', items: { $ref: '#/components/schemas/Signatory' } },
        },
      },
      Signatory: { type: 'object', properties: { name: { type: ['string', 'null'] } } },
      Response: { type: 'object', properties: { note: { type: 'string' } } },
    },
  },
});

const schemas = (doc: JsonObject) => (doc.components as { schemas: Record<string, JsonObject> }).schemas;

describe('withRequestRules', () => {
  const ruled = withRequestRules(document());
  const propose = schemas(ruled).Propose as { properties: Record<string, JsonObject> } & JsonObject;

  it('closes every object a request body is made of, through $refs', () => {
    expect(propose.additionalProperties).toBe(false);
    expect(schemas(ruled).Signatory?.additionalProperties).toBe(false);
    expect(schemas(ruled).Response?.additionalProperties).toBeUndefined();
  });

  it('puts the no-control-character pattern on request strings that say nothing more precise', () => {
    expect(propose.properties.title?.pattern).toBe(NO_CONTROL_CHARACTER_PATTERN);
    const name = (schemas(ruled).Signatory as { properties: Record<string, JsonObject> }).properties.name;
    expect(name?.pattern).toBe(NO_CONTROL_CHARACTER_PATTERN);
    expect(propose.properties.day?.pattern).toBeUndefined();
    expect(propose.properties.kind?.pattern).toBeUndefined();
    expect(propose.properties.code?.pattern).toBe('^[A-Z]+$');
    const parameters = (ruled.paths as Record<string, Record<string, { parameters: JsonObject[] }>>)[
      '/partnerships'
    ]?.post?.parameters;
    expect((parameters?.[0]?.schema as JsonObject).pattern).toBe(NO_CONTROL_CHARACTER_PATTERN);
    expect((parameters?.[1]?.schema as JsonObject).pattern).toBeUndefined(); // headers are not checked
  });

  it('leaves the document it was given as it was', () => {
    const given = document();
    withRequestRules(given);
    expect(given).toEqual(document());
  });
});

describe('withLinks', () => {
  it("links a created partnership's id to the routes of its lifecycle that the document has", () => {
    const linked = withLinks(document());
    const created = (
      linked.paths as Record<string, Record<string, { responses: Record<string, JsonObject> }>>
    )['/partnerships']?.post?.responses['201'];
    expect(created?.links).toEqual({
      getPartnership: { operationId: 'getPartnership', parameters: { id: '$response.body#/id' } },
      acceptPartnership: {
        operationId: 'acceptPartnership',
        parameters: { id: '$response.body#/id', 'header.If-Match': '$response.header.ETag' },
      },
    });
  });
});
