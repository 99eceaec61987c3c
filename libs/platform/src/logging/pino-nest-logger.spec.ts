import { Writable } from 'node:stream';
import { redactEmails } from './log-safety';
import { createServiceLogger, PinoNestLogger } from './pino-nest-logger';

/** A logger whose lines the test reads, parsed. */
function capture(): { logger: PinoNestLogger; lines: () => Record<string, unknown>[]; raw: () => string } {
  let written = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString('utf8');
      done();
    },
  });
  const pino = createServiceLogger('test', 'info', destination);
  return {
    logger: new PinoNestLogger(pino),
    raw: () => written,
    lines: () =>
      written
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** What TypeORM throws for a failed query: the driver's fields copied onto it, the SQL and parameters. */
function queryFailedError(): Error {
  const driverError = Object.assign(
    new Error('duplicate key value violates unique constraint "users_email"'),
    {
      severity: 'ERROR',
      code: '23505',
      detail: 'Key (lower(email))=(amir.karimi@tehran.ir) already exists.',
      constraint: 'users_email',
      table: 'users',
    },
  );
  return Object.assign(new Error(driverError.message), {
    name: 'QueryFailedError',
    query: 'INSERT INTO "gateway"."users"("email", "password_hash") VALUES ($1, $2)',
    parameters: ['amir.karimi@tehran.ir', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA'],
    driverError,
    code: '23505',
    detail: driverError.detail,
    constraint: 'users_email',
    table: 'users',
  });
}

describe(PinoNestLogger.name, () => {
  it('logs a failed query without its SQL, parameters or driver details, keeping what failed', () => {
    const { logger, lines, raw } = capture();
    logger.error({ err: queryFailedError(), url: '/users' }, 'insert failed');
    logger.error(queryFailedError());
    for (const line of lines()) {
      const err = line.err as Record<string, unknown>;
      expect(err).toMatchObject({ type: 'Error', code: '23505', constraint: 'users_email', table: 'users' });
      for (const field of ['query', 'parameters', 'driverError', 'detail'])
        expect(err).not.toHaveProperty(field);
    }
    expect(raw()).not.toMatch(/argon2id|INSERT INTO|amir\.karimi|Key \(/);
  });

  it('redacts tokens, webhook secrets and signing keys', () => {
    const { logger, raw } = capture();
    logger.log({
      msg: 'issued',
      accessToken: 'eyJhbGciOiJFZERTQSJ9.payload.signature',
      secret: 'whsec_c2VjcmV0c2VjcmV0',
      body: { secret: 'whsec_Ym9keXNlY3JldA==', accessToken: 'eyJboody' },
      webhook: { secret: 'whsec_d2ViaG9vaw==' },
      signingKey: '-----BEGIN PRIVATE KEY-----',
      jwk: { kty: 'OKP', d: 'cHJpdmF0ZQ' },
      headers: { authorization: 'Bearer eyJhdXRo' },
    });
    expect(raw()).not.toMatch(/eyJ|whsec_|BEGIN PRIVATE|cHJpdmF0ZQ/);
    expect(raw()).toContain('"kty":"OKP"');
    expect(raw()).toContain('[Redacted]');
  });

  it('masks e-mail addresses in the message and in any field', () => {
    const { logger, lines } = capture();
    logger.warn({
      msg: 'login refused for amir.karimi@tehran.ir',
      user: { email: 'Sara.A@mail.example.org' },
    });
    logger.log('invited admin@c2c.asianmayorsforum.org');
    const [first, second] = lines();
    expect(first).toMatchObject({
      msg: 'login refused for a***@tehran.ir',
      user: { email: 'S***@mail.example.org' },
    });
    expect(second).toMatchObject({ msg: 'invited a***@c2c.asianmayorsforum.org' });
  });

  it('masks an address percent-encoded in a logged URL', () => {
    expect(redactEmails('{"url":"/users?email=amir.karimi%40tehran.ir&x=1"}')).toBe(
      '{"url":"/users?email=a***@tehran.ir&x=1"}',
    );
  });

  it('masks a long line in linear time', () => {
    const started = performance.now();
    // Quadratic matching would take minutes on this; bounded parts take milliseconds.
    const line = `${'a'.repeat(100_000)}@example.org ${'b.'.repeat(50_000)}@${'c'.repeat(100_000)}`;
    expect(redactEmails(line)).toContain('a***@example.org');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('leaves text without addresses as it is', () => {
    expect(redactEmails('{"msg":"request","url":"/cities?q=a@b","at":"@home"}')).toBe(
      '{"msg":"request","url":"/cities?q=a@b","at":"@home"}',
    );
  });
});
