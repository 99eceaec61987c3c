import { backoffDelay, isTransientInfrastructureError, RetryPolicy } from './failure-policy';

const POLICY: RetryPolicy = { attempts: 5, initialDelayMs: 200, maxDelayMs: 5_000 };

describe(backoffDelay.name, () => {
  it.each([
    [1, 200],
    [2, 400],
    [3, 800],
    [5, 3_200],
    [6, 5_000], // 6,400 capped
    [30, 5_000],
  ])(
    'after %i failed tries jitters within [ceiling/2, ceiling] for a ceiling of %i ms',
    (failed, ceiling) => {
      expect(backoffDelay(POLICY, failed, () => 0)).toBe(ceiling / 2);
      expect(backoffDelay(POLICY, failed, () => 0.999_999)).toBe(ceiling);
      expect(backoffDelay(POLICY, failed, () => 0.5)).toBe((ceiling * 3) / 4);
    },
  );

  it('stays within its bounds with real randomness and never exceeds maxDelayMs', () => {
    for (let failed = 1; failed <= 12; failed++) {
      const ceiling = Math.min(POLICY.maxDelayMs, POLICY.initialDelayMs * 2 ** (failed - 1));
      for (let draw = 0; draw < 200; draw++) {
        const delay = backoffDelay(POLICY, failed);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(Math.min(ceiling, POLICY.maxDelayMs));
      }
    }
  });
});

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
