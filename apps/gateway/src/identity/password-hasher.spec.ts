import { DomainError, toProblem } from '@c2c/platform';
import { GatewayConfig } from '../config';
import { PasswordHasher } from './password-hasher';

const configOf = (concurrency: number, queue: number): GatewayConfig =>
  Object.assign(new GatewayConfig(), { PASSWORD_HASH_CONCURRENCY: concurrency, PASSWORD_HASH_QUEUE: queue });

describe(PasswordHasher.name, () => {
  it('verifies what it hashed, and nothing else', async () => {
    const hasher = new PasswordHasher(configOf(2, 2));
    const hash = await hasher.hash('a long passphrase');
    await expect(hasher.verify(hash, 'a long passphrase')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'another')).resolves.toBe(false);
    await expect(hasher.verify('not a hash', 'another')).resolves.toBe(false);
  });

  it('runs at most the configured operations plus the queue, refusing the rest with a 503 and Retry-After', async () => {
    const hasher = new PasswordHasher(configOf(1, 2));
    const hash = await hasher.hash('a long passphrase');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () => hasher.verify(hash, 'a long passphrase')),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
    const refusals = outcomes.flatMap((outcome): unknown[] =>
      outcome.status === 'rejected' ? [outcome.reason] : [],
    );
    expect(refusals).toHaveLength(3);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(DomainError);
      const problem = toProblem(refusal);
      expect(problem.status).toBe(503);
      expect(problem.code).toBe('service-unavailable');
      expect(problem.headers['retry-after']).toBe('1');
    }
    // The slots come back: a later operation runs.
    await expect(hasher.verify(hash, 'a long passphrase')).resolves.toBe(true);
  });
});
