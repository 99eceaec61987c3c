import { DomainError, Problem, toProblem } from '@c2c/platform';
import { LoginThrottle } from './login-throttle';

function lockoutOf(throttle: LoginThrottle, email: string): Problem | undefined {
  try {
    throttle.check(email);
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return toProblem(error);
    throw error;
  }
}

describe(LoginThrottle.name, () => {
  let now: number;
  let throttle: LoginThrottle;

  beforeEach(() => {
    now = 1_000_000;
    throttle = new LoginThrottle({
      failures: 5,
      windowMs: 60_000,
      baseLockoutMs: 30_000,
      maxLockoutMs: 100_000,
      maxTracked: 3,
      now: () => now,
    });
  });

  const fail = (email: string, times: number) => {
    for (let i = 0; i < times; i++) throttle.failed(email);
  };

  it('locks an e-mail out after 5 failures, with a 429 and Retry-After', () => {
    fail('a@example.org', 4);
    expect(lockoutOf(throttle, 'a@example.org')).toBeUndefined();
    fail('a@example.org', 1);
    const problem = lockoutOf(throttle, ' A@Example.org ');
    expect(problem?.status).toBe(429);
    expect(problem?.code).toBe('rate-limited');
    expect(problem?.headers['retry-after']).toBe('30');
    expect(lockoutOf(throttle, 'b@example.org')).toBeUndefined();
  });

  it('doubles each further lockout, up to the maximum', () => {
    const lockouts: string[] = [];
    for (let round = 0; round < 4; round++) {
      fail('a@example.org', 5);
      lockouts.push(lockoutOf(throttle, 'a@example.org')?.headers['retry-after'] ?? 'none');
      now += Number(lockouts[round]) * 1000; // the lockout is over: guessing resumes at once
    }
    expect(lockouts).toEqual(['30', '60', '100', '100']);
  });

  it('starts the backoff over after a quiet spell longer than the longest lockout', () => {
    fail('a@example.org', 5);
    now += 30_000;
    fail('a@example.org', 5);
    expect(lockoutOf(throttle, 'a@example.org')?.headers['retry-after']).toBe('60');
    now += 60_000 + 100_001;
    fail('a@example.org', 5);
    expect(lockoutOf(throttle, 'a@example.org')?.headers['retry-after']).toBe('30');
  });

  it('forgets failures outside the window', () => {
    fail('a@example.org', 4);
    now += 60_001;
    fail('a@example.org', 4);
    expect(lockoutOf(throttle, 'a@example.org')).toBeUndefined();
  });

  it('starts over after a success', () => {
    fail('a@example.org', 5);
    now += 30_000;
    expect(lockoutOf(throttle, 'a@example.org')).toBeUndefined();
    throttle.succeeded('a@example.org');
    fail('a@example.org', 5);
    expect(lockoutOf(throttle, 'a@example.org')?.headers['retry-after']).toBe('30');
  });

  it('tracks a bounded number of e-mails, forgetting the oldest first', () => {
    fail('old@example.org', 5);
    for (const email of ['b@example.org', 'c@example.org', 'd@example.org']) fail(email, 1);
    expect(lockoutOf(throttle, 'old@example.org')).toBeUndefined();
  });
});
