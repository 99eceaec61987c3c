import { nextAttemptDelay } from './email';

describe(nextAttemptDelay.name, () => {
  it('doubles the ceiling each attempt up to the cap, with full jitter under it', () => {
    expect(nextAttemptDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(nextAttemptDelay(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(nextAttemptDelay(20, 1000, 60_000, () => 1)).toBe(60_000);
    expect(nextAttemptDelay(3, 1000, 60_000, () => 0.5)).toBe(2000);
  });

  it('never retries sooner than half the base, however the dice fall', () => {
    expect(nextAttemptDelay(5, 1000, 60_000, () => 0)).toBe(500);
  });
});
