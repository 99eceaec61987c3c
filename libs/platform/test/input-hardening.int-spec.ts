import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, httpRequest, type HttpResponse, type TestDatabase } from '@c2c/testing';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Client } from 'pg';
import { createServiceApp, DEFAULT_BODY_LIMIT_BYTES, LoggingModule, MAX_JSON_DEPTH } from '../src';

class SignatoryDto {
  @IsString()
  name!: string;
}

class NoteDto {
  @IsString()
  text!: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => SignatoryDto)
  signatories?: SignatoryDto[];

  // Free-form JSON, as a proposal's agreement was once feared to be.
  @IsOptional()
  @IsObject()
  extra?: Record<string, unknown>;
}

class SearchQueryDto {
  @IsOptional()
  @IsString()
  q?: string;
}

let database: TestDatabase;

@Controller('notes')
class NotesController {
  @Post()
  create(@Body() body: NoteDto) {
    return { text: body.text };
  }

  @Get()
  search(@Query() query: SearchQueryDto) {
    return { q: query.q ?? null };
  }

  @Get(':name')
  one(@Param('name') name: string) {
    return { name };
  }

  /** Sends the value to PostgreSQL unchecked: the safety net below validation is what is tried. */
  @Get('at/:when')
  async at(@Param('when') when: string) {
    const client = new Client({ connectionString: database.adminUrl });
    await client.connect();
    try {
      return (await client.query<{ at: Date }>('SELECT $1::timestamptz AS at', [when])).rows[0];
    } finally {
      await client.end();
    }
  }
}

@Module({ imports: [LoggingModule.forRoot('test', 'silent')], controllers: [NotesController] })
class TestModule {}

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('untrusted input (platform rules on every app)', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase('platform-hardening');
    app = await createServiceApp({ module: TestModule });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const post = (payload: string) =>
    httpRequest(url, {
      method: 'POST',
      url: '/notes',
      headers: { 'content-type': 'application/json' },
      payload,
    });

  function expectFieldErrors(response: HttpResponse, fields: string[]): void {
    expect(response.statusCode).toBe(400);
    const body = response.json<{ type: string; errors: { field: string }[] }>();
    expect(body.type).toMatch(/validation-error$/);
    expect(body.errors.map((error) => error.field).sort()).toEqual([...fields].sort());
  }

  it('refuses a NUL, another C0 control or DEL in any string of the body, naming its dotted path', async () => {
    expectFieldErrors(await post(JSON.stringify({ text: 'a\u0000b' })), ['text']);
    expectFieldErrors(
      await post(JSON.stringify({ text: 'ok', signatories: [{ name: 'ok' }, { name: 'x\u001b[31m' }] })),
      ['signatories.1.name'],
    );
    expectFieldErrors(await post(JSON.stringify({ text: 'ok', extra: { deep: { note: '\u007f' } } })), [
      'extra.deep.note',
    ]);
    expectFieldErrors(await post(JSON.stringify({ text: 'ok', extra: { 'k\u0000': 'v' } })), [
      'extra.k\u0000',
    ]);
  });

  it('accepts tab, line feed and carriage return, and characters beyond ASCII', async () => {
    const response = await post(JSON.stringify({ text: 'line one\r\n\tline two – 東京' }));
    expect(response.statusCode).toBe(201);
  });

  it('refuses control characters in the query string and in path parameters', async () => {
    expectFieldErrors(await httpRequest(url, { method: 'GET', url: '/notes?q=%00' }), ['q']);
    expectFieldErrors(await httpRequest(url, { method: 'GET', url: '/notes?q=ok%1F' }), ['q']);
    expectFieldErrors(await httpRequest(url, { method: 'GET', url: '/notes/ab%00c' }), ['name']);
    expect((await httpRequest(url, { method: 'GET', url: '/notes?q=caf%C3%A9%09' })).statusCode).toBe(200);
  });

  it('answers 10 KB of nested arrays with a 400, not a stack overflow', async () => {
    const response = await post(`{"text":"ok","extra":${nested(10_000)}}`);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ detail: string }>().detail).toContain(`deeper than ${MAX_JSON_DEPTH}`);
    // Alone, they are not even an object, which every body of the API is.
    const bare = await post(nested(10_000));
    expect(bare.statusCode).toBe(400);
    expect(bare.json<{ detail: string }>().detail).toBe('the body must be a JSON object');
    // The limit, not the shape, is what counts: a body within it reaches validation.
    const within = await post(
      JSON.stringify({ text: 'ok', extra: { a: JSON.parse(nested(MAX_JSON_DEPTH - 2)) as unknown } }),
    );
    expect(within.statusCode).toBe(201);
    const beyond = await post(
      JSON.stringify({ text: 'ok', extra: { a: JSON.parse(nested(MAX_JSON_DEPTH)) as unknown } }),
    );
    expect(beyond.statusCode).toBe(400);
  });

  it('refuses bodies above the default limit with 413 before parsing', async () => {
    const response = await post(JSON.stringify({ text: 'x'.repeat(DEFAULT_BODY_LIMIT_BYTES) }));
    expect(response.statusCode).toBe(413);
    expect(DEFAULT_BODY_LIMIT_BYTES).toBeLessThanOrEqual(128 * 1024);
  });

  it('answers a value PostgreSQL refuses as data (class 22) with a 400 that echoes neither value nor SQL', async () => {
    const response = await httpRequest(url, { method: 'GET', url: '/notes/at/300000-02-30' });
    expect(response.statusCode).toBe(400);
    // The instance is the caller's own path; nothing else may carry the value or the driver's words.
    const { instance, ...rest } = response.json<Record<string, unknown>>();
    expect(instance).toBe('/notes/at/300000-02-30');
    expect(JSON.stringify(rest)).not.toMatch(/300000|SELECT|timestamp|range/i);
    expect(
      (await httpRequest(url, { method: 'GET', url: '/notes/at/2026-01-01T00:00:00Z' })).statusCode,
    ).toBe(200);
  });
});
