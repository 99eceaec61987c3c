import { isTransientInfrastructureError } from './transient-errors';

describe(isTransientInfrastructureError.name, () => {
  const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

  it.each([
    ['connection failure (08006)', withCode('08006')],
    ['too many connections (53300)', withCode('53300')],
    ['admin shutdown (57P01)', withCode('57P01')],
    ['serialization failure (40001)', withCode('40001')],
    ['ECONNREFUSED', withCode('ECONNREFUSED')],
    ['ETIMEDOUT', withCode('ETIMEDOUT')],
    ['a TypeORM error around a driver error', { message: 'query failed', driverError: withCode('08006') }],
    ['an error caused by one', new Error('wrapped', { cause: withCode('ECONNRESET') })],
    ['pg terminating the connection', new Error('Connection terminated unexpectedly')],
  ])('counts %s as an outage', (_label, error) => {
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('23505')],
    ['a plain handler error', new Error('handler bug')],
    ['a string', 'ECONNREFUSED'],
    ['undefined', undefined],
  ])('does not count %s as an outage', (_label, error) => {
    expect(isTransientInfrastructureError(error)).toBe(false);
  });
});
