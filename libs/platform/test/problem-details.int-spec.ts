import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Max, ValidateNested } from 'class-validator';
import { createServiceApp, LoggingModule, PageQueryDto, Problem, ProblemType } from '../src';

class ParticipantDto {
  @IsUUID()
  cityId!: string;
}

class CreateThingDto {
  @IsString()
  name!: string;

  @IsInt()
  @Max(10)
  size!: number;

  @ValidateNested({ each: true })
  @Type(() => ParticipantDto)
  participants!: ParticipantDto[];
}

@Controller('things')
class ThingsController {
  @Post()
  create(@Body() body: CreateThingDto) {
    return body;
  }

  @Get()
  list(@Query() query: PageQueryDto) {
    return { limit: query.limit };
  }

  @Get('conflict')
  conflict() {
    throw new Problem(ProblemType.Conflict, 'already there', { extensions: { thing: 'x' } });
  }

  @Get('by-id/:id')
  one(@Param('id') id: string) {
    return { id };
  }

  @Get('crash')
  crash() {
    throw new Error('secret internals');
  }
}

@Module({ imports: [LoggingModule.forRoot('test', 'silent')], controllers: [ThingsController] })
class TestModule {}

describe('problem+json responses', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createServiceApp({ module: TestModule }, { bodyLimit: 1024 });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  function expectProblem(
    response: Awaited<ReturnType<typeof post>>,
    status: number,
    code: string,
  ): Record<string, unknown> {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      type: `https://c2c.asianmayorsforum.org/problems/${code}`,
      status,
    });
    expect(typeof body.title).toBe('string');
    expect(body.requestId).toBe(response.headers['x-request-id']);
    return body;
  }

  it('lists every failing field by its dotted path', async () => {
    const response = await post({ name: 5, size: 11, participants: [{ cityId: 'x' }] });
    const body = expectProblem(response, 400, 'validation-error');
    expect(body.instance).toBe('/things');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'name must be a string' },
        { field: 'size', message: 'size must not be greater than 10' },
        { field: 'participants.0.cityId', message: 'cityId must be a UUID' },
      ]),
    );
  });

  it('rejects an unknown property instead of dropping it', async () => {
    const response = await post({ name: 'a', size: 1, participants: [], admin: true });
    const body = expectProblem(response, 400, 'validation-error');
    expect(body.errors).toEqual([{ field: 'admin', message: 'property admin should not exist' }]);
  });

  it('accepts a valid body', async () => {
    const response = await post({ name: 'a', size: 1, participants: [] });
    expect(response.statusCode).toBe(201);
  });

  it('answers a body over the limit with 413', async () => {
    expectProblem(
      await post({ name: 'x'.repeat(2000), size: 1, participants: [] }),
      413,
      'payload-too-large',
    );
  });

  it('answers malformed JSON with 400 without echoing it', async () => {
    const body = expectProblem(await post('{"name": "secret-value",'), 400, 'bad-request');
    expect(JSON.stringify(body)).not.toContain('secret-value');
  });

  it('answers an unsupported media type with 415', async () => {
    expectProblem(await post('name=a', { 'content-type': 'text/csv' }), 415, 'unsupported-media-type');
  });

  it("answers a path segment too long for the router with a 400 problem, not Fastify's 414", async () => {
    expect((await app.inject({ method: 'GET', url: `/things/by-id/${'a'.repeat(100)}` })).json()).toEqual({
      id: 'a'.repeat(100),
    });
    const response = await app.inject({ method: 'GET', url: `/things/by-id/${'a'.repeat(101)}` });
    const body = expectProblem(response, 400, 'bad-request');
    expect(body.detail).toBe('a path segment is longer than 100 characters');
  });

  it('answers a malformed %-escape in the path with a 400 problem', async () => {
    const response = await app.inject({ method: 'GET', url: '/things/by-id/%E0%A4%A' });
    const body = expectProblem(response, 400, 'bad-request');
    expect(body.detail).toMatch(/not a valid URL/);
  });

  it('answers an unknown route with 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/nowhere?x=1' });
    const body = expectProblem(response, 404, 'not-found');
    expect(body.instance).toBe('/nowhere');
  });

  it('validates query parameters too', async () => {
    expect((await app.inject({ method: 'GET', url: '/things' })).json()).toEqual({ limit: 20 });
    const body = expectProblem(
      await app.inject({ method: 'GET', url: '/things?limit=500' }),
      400,
      'validation-error',
    );
    expect(body.errors).toEqual([{ field: 'limit', message: 'limit must not be greater than 100' }]);
  });

  it('keeps the type, detail and extensions of a thrown Problem', async () => {
    const body = expectProblem(await app.inject({ method: 'GET', url: '/things/conflict' }), 409, 'conflict');
    expect(body).toMatchObject({ detail: 'already there', thing: 'x' });
  });

  it('hides unexpected errors behind a 500', async () => {
    const response = await app.inject({ method: 'GET', url: '/things/crash' });
    expectProblem(response, 500, 'internal-error');
    expect(response.body).not.toContain('secret internals');
  });

  it('echoes a sane X-Request-Id of the caller', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/nowhere',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(response.headers['x-request-id']).toBe('abc-123');
    expect(response.json()).toMatchObject({ requestId: 'abc-123' });
  });
});
