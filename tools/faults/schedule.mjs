// The fault schedule of a run: drawn from a seeded PRNG, so `--seed N` replays the same faults at the
// same moments (the load's own choices come from the same seed, on another stream).

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence on every machine. */
export function prng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}

/**
 * The faults of one run, in time order: `killsPerApp` SIGKILLs of each app, one broker restart, one
 * PostgreSQL restart, one pause of a consumer and one burst of `poison` records that no consumer can
 * apply, at random moments within `windowMs` (each at least `gapMs` after the one before, so one
 * fault's recovery is met by the next, not swallowed by it).
 */
export function faultSchedule(random, { apps, consumers, killsPerApp, windowMs, gapMs, pauseMs, poison }) {
  const kinds = [
    ...apps.flatMap((app) => Array.from({ length: killsPerApp }, () => ({ kind: 'sigkill', app }))),
    { kind: 'kafka-restart' },
    { kind: 'postgres-restart' },
    { kind: 'pause', app: random.pick(consumers), ms: pauseMs },
    { kind: 'poison', count: poison },
  ];
  const order = random.shuffle(kinds);
  const slack = Math.max(0, windowMs - gapMs * order.length);
  const offsets = order.map(() => random.next() * slack).sort((a, b) => a - b);
  return order.map((fault, index) => ({ ...fault, atMs: Math.round(offsets[index] + gapMs * index) }));
}
