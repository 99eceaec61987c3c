import { Writable } from 'node:stream';
import { Controller, Get, Module, Query } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, eventually, httpRequest, type TestDatabase } from '@c2c/testing';
import { DataSource } from 'typeorm';
import { createServiceApp, LoggingModule } from '../src';

let written = '';
const destination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    written += chunk.toString('utf8');
    done();
  },
});
let dataSource: DataSource;

@Controller('accounts')
class AccountsController {
  /** A query that fails in PostgreSQL (no such table) with an e-mail and a hash among its parameters. */
  @Get('lookup')
  lookup(@Query('email') email: string) {
    return dataSource.query('SELECT * FROM "no_such_accounts" WHERE email = $1 AND hash = $2', [
      email,
      '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    ]);
  }
}

@Module({
  imports: [LoggingModule.forRoot('test', 'info', destination)],
  controllers: [AccountsController],
})
class TestModule {}

describe('error logs of a failing query', () => {
  let database: TestDatabase;
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase('logging-hardening');
    dataSource = new DataSource({ type: 'postgres', url: database.adminUrl });
    await dataSource.initialize();
    app = await createServiceApp({ module: TestModule });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    await dataSource.destroy();
    await database.drop();
  });

  it('carry neither the SQL, its parameters, the driver error nor the e-mail address', async () => {
    const response = await httpRequest(url, {
      method: 'GET',
      url: '/accounts/lookup?email=amir.karimi%40tehran.ir',
    });
    expect(response.statusCode).toBe(500);
    const line = await eventually(() => {
      const found = written
        .split('\n')
        .filter((text) => text !== '')
        .map((text) => JSON.parse(text) as { level: number; err?: Record<string, unknown> })
        .find((entry) => entry.err !== undefined);
      expect(found).toBeDefined();
      return found!;
    });
    expect(line.err).toMatchObject({ code: '42P01' });
    for (const field of ['query', 'parameters', 'driverError']) expect(line.err).not.toHaveProperty(field);
    expect(written).not.toMatch(/argon2id|no_such_accounts" WHERE|amir\.karimi/);
    // The request log line masks the address in the URL too.
    expect(written).toContain('a***@tehran.ir');
  });
});
