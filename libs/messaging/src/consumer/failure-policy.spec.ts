import { backoffDelay, RetryPolicy } from './failure-policy';

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
