import {
  BackoffOptions,
  DeliveryHealth,
  disableReason,
  HEALTHY,
  recordAttempt,
  retryDelayMs,
} from './backoff';

/** mulberry32: a small seeded generator, so the jitter is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe(retryDelayMs.name, () => {
  const options = (random: () => number): BackoffOptions => ({ baseMs: 1000, capMs: 60_000, random });

  it('draws each delay uniformly below a ceiling that doubles up to the cap (full jitter)', () => {
    const random = seeded(42);
    const delays = Array.from({ length: 12 }, (_, i) => retryDelayMs(i + 1, options(random)));
    const ceilings = [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000, 60_000, 60_000];
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(ceilings[i]);
    });
    // The same seed gives the same schedule.
    const again = seeded(42);
    expect(Array.from({ length: 12 }, (_, i) => retryDelayMs(i + 1, options(again)))).toEqual(delays);
  });

  it('spans the whole range: the extremes of random() give 0 and just under the ceiling', () => {
    expect(
      retryDelayMs(
        3,
        options(() => 0),
      ),
    ).toBe(0);
    expect(
      retryDelayMs(
        3,
        options(() => 0.999999),
      ),
    ).toBe(3999);
    expect(
      retryDelayMs(
        1000,
        options(() => 0.5),
      ),
    ).toBe(30_000); // 2^999 overflows to the cap
  });

  it('spreads many retries of the same attempt instead of bunching them', () => {
    const random = seeded(7);
    const delays = Array.from({ length: 1000 }, () => retryDelayMs(5, options(random)));
    const mean = delays.reduce((sum, d) => sum + d, 0) / delays.length;
    expect(mean).toBeGreaterThan(7000); // uniform on [0, 16 000): mean 8 000
    expect(mean).toBeLessThan(9000);
    expect(new Set(delays).size).toBeGreaterThan(900);
  });

  it('honours Retry-After as a floor', () => {
    expect(
      retryDelayMs(
        1,
        options(() => 0.5),
        30_000,
      ),
    ).toBe(30_000);
    // A later jittered delay than the floor stands.
    expect(
      retryDelayMs(
        6,
        options(() => 0.9),
        1000,
      ),
    ).toBe(28_800);
  });

  it('bounds the Retry-After it honours, so a receiver cannot park deliveries for ever', () => {
    expect(
      retryDelayMs(
        1,
        options(() => 0),
        10 * 24 * 3600_000,
      ),
    ).toBe(60_000);
    expect(retryDelayMs(1, { ...options(() => 0), maxRetryAfterMs: 3600_000 }, 10 * 24 * 3600_000)).toBe(
      3600_000,
    );
    expect(
      retryDelayMs(
        1,
        options(() => 0),
        -5,
      ),
    ).toBe(0);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses attempt %p', (attempt) => {
    expect(() => retryDelayMs(attempt)).toThrow(RangeError);
  });
});

describe(disableReason.name, () => {
  const rule = { maxConsecutiveFailures: 5, maxFailingForMs: 24 * 3600_000 };
  const t0 = new Date('2025-01-01T00:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  const fold = (kinds: Parameters<typeof recordAttempt>[1][]): DeliveryHealth =>
    kinds.reduce((health, kind, i) => recordAttempt(health, kind, at(i)), HEALTHY as DeliveryHealth);

  it('keeps a healthy subscription', () => {
    expect(disableReason(HEALTHY, t0, rule)).toBeNull();
    expect(disableReason(fold(['retry', 'retry', 'delivered']), at(3), rule)).toBeNull();
  });

  it('disables at once on 410 Gone', () => {
    expect(disableReason(fold(['delivered', 'gone']), at(2), rule)).toBe('gone');
  });

  it('disables after N failures in a row, of any kind', () => {
    expect(disableReason(fold(['retry', 'rejected', 'refused', 'retry']), at(4), rule)).toBeNull();
    expect(disableReason(fold(['retry', 'rejected', 'refused', 'retry', 'retry']), at(5), rule)).toBe(
      'consecutive-failures',
    );
  });

  it('counts only the failures since the last delivery', () => {
    const health = fold(['retry', 'retry', 'retry', 'retry', 'delivered', 'retry']);
    expect(health).toEqual({ consecutiveFailures: 1, failingSince: at(5), lastOutcome: 'retry' });
    expect(disableReason(health, at(6), rule)).toBeNull();
  });

  it('disables a subscription failing for longer than T, however few the attempts', () => {
    const health = fold(['delivered', 'retry', 'retry']);
    expect(health.failingSince).toEqual(at(1));
    expect(disableReason(health, at(1 + 24 * 60 - 1), rule)).toBeNull();
    expect(disableReason(health, at(1 + 24 * 60), rule)).toBe('failing-too-long');
  });
});
