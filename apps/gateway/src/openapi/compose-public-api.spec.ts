import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  type OpenAPIObject,
} from '@nestjs/swagger';
import { Roles } from '@c2c/auth';
import { buildServiceApiDocument, generateApiDocument, IdParams } from '@c2c/platform';
import { composePublicApi } from './compose-public-api';
import type { ServiceApiDocument } from './service-api-documents';

// Two versions of one service, as its team ships them: the second adds a field to its DTO.
class ThingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}
class ThingResponseWithColour extends ThingResponse {
  @ApiPropertyOptional({ enum: ['red', 'blue'] }) colour?: string;
}

function serviceModule(response: typeof ThingResponse) {
  @ApiTags('things')
  @Controller('things')
  class ThingsController {
    @Get(':id')
    @ApiOperation({ operationId: 'getThing', summary: 'Read a thing' })
    @ApiOkResponse({ type: response })
    get(@Param() _params: IdParams) {
      return undefined;
    }

    @Post()
    @Roles('secretariat')
    @ApiOperation({ operationId: 'createThing', summary: 'Create a thing' })
    create(@Body() _body: ThingResponse) {
      return undefined;
    }
  }
  @Module({ controllers: [ThingsController] })
  class ThingsModule {}
  return { module: ThingsModule };
}

const serviceDocument = async (response: typeof ThingResponse): Promise<ServiceApiDocument> => ({
  service: 'cities',
  document: await generateApiDocument(serviceModule(response), (app) =>
    buildServiceApiDocument(app, { title: 'things', description: 'things' }),
  ),
});

const gatewayOwn = (): OpenAPIObject =>
  ({
    openapi: '3.1.0',
    info: { title: 'gateway', version: '1' },
    paths: {
      '/api/v1/auth/token': { post: { operationId: 'issueToken', 'x-c2c-public': true, responses: {} } },
      '/api/v1/me': { get: { operationId: 'getMe', responses: {} } },
    },
    components: { schemas: {} },
  }) as unknown as OpenAPIObject;

type Operation = {
  operationId: string;
  security: unknown[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
  'x-c2c-roles'?: string[];
};
const operation = (document: OpenAPIObject, path: string, method: string): Operation =>
  (document.paths[path] as Record<string, Operation>)[method]!;

describe(composePublicApi.name, () => {
  it('shows a field added to a service DTO with no change to the gateway', async () => {
    const before = composePublicApi(gatewayOwn(), [await serviceDocument(ThingResponse)]);
    const after = composePublicApi(gatewayOwn(), [await serviceDocument(ThingResponseWithColour)]);
    const propertiesOf = (document: OpenAPIObject) =>
      Object.values(document.components?.schemas ?? {}).flatMap((schema) =>
        Object.keys((schema as { properties?: object }).properties ?? {}),
      );
    expect(propertiesOf(before)).not.toContain('colour');
    expect(propertiesOf(after)).toContain('colour');
  });

  it("serves a service's paths under /api/v1 with the gateway's security, answers and Idempotency-Key", async () => {
    const document = composePublicApi(gatewayOwn(), [await serviceDocument(ThingResponse)]);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/v1/auth/token',
      '/api/v1/me',
      '/api/v1/things',
      '/api/v1/things/{id}',
    ]);
    const get = operation(document, '/api/v1/things/{id}', 'get');
    expect(get.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(get.responses)).toEqual(
      expect.arrayContaining(['200', '401', '403', '429', '503', '504']),
    );
    const create = operation(document, '/api/v1/things', 'post');
    expect(create['x-c2c-roles']).toEqual(['secretariat']);
    expect(create.parameters?.map((p) => p.name)).toContain('Idempotency-Key');
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['413', '422']));
    // The gateway's own public route stays open and takes no idempotency key.
    const login = operation(document, '/api/v1/auth/token', 'post');
    expect(login.security).toEqual([]);
    expect(login.parameters ?? []).toEqual([]);
  });

  it('speaks OpenAPI 3.1: no nullable, null as a type', async () => {
    const document = composePublicApi(gatewayOwn(), [await serviceDocument(ThingResponse)]);
    const text = JSON.stringify(document);
    expect(text).not.toContain('"nullable"');
    expect(
      (document.components?.schemas?.ThingResponse as { properties: Record<string, unknown> }).properties
        .note,
    ).toMatchObject({
      type: ['string', 'null'],
    });
  });

  it('keeps two services apart when they name different schemas alike', async () => {
    const cities = await serviceDocument(ThingResponse);
    // Another team's ThingResponse: the same name, another shape.
    const other = JSON.parse(JSON.stringify(cities.document).replaceAll('/things', '/other-things')) as {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    other.components.schemas.ThingResponse!.properties.colour = { type: 'string' };
    const partnerships = { service: 'partnerships' as const, document: other as unknown as OpenAPIObject };
    const document = composePublicApi(gatewayOwn(), [cities, partnerships]);
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['ThingResponse', 'PartnershipsThingResponse']),
    );
    const theirs = JSON.stringify(operation(document, '/api/v1/other-things/{id}', 'get').responses['200']);
    expect(theirs).toContain('#/components/schemas/PartnershipsThingResponse');
    const ours = JSON.stringify(operation(document, '/api/v1/things/{id}', 'get').responses['200']);
    expect(ours).toContain('#/components/schemas/ThingResponse"');
  });

  it('refuses a service path that the gateway already serves', async () => {
    const clash = await serviceDocument(ThingResponse);
    clash.document = JSON.parse(JSON.stringify(clash.document).replaceAll('/things', '/me')) as OpenAPIObject;
    expect(() => composePublicApi(gatewayOwn(), [clash])).toThrow('already serves');
  });
});
