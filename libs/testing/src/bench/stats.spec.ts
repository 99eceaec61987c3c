import { alternate, percentile, spreadOf, summarize } from './stats';

describe('summarize', () => {
  it('takes the middle sample as the median of an odd count, the mean of the two middle ones of an even', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, samples: [5, 1, 3] });
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('refuses no samples rather than inventing a figure', () => {
    expect(() => summarize([])).toThrow('no samples');
  });

  it('gives the spread as a share of the median', () => {
    expect(spreadOf(summarize([90, 100, 110]))).toBeCloseTo(0.2);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });
});

describe('alternate', () => {
  it('rotates the order every round and drops the warm-up rounds', async () => {
    const calls: string[] = [];
    const target = (name: string, value: number) => () => {
      calls.push(name);
      return Promise.resolve(value + calls.length);
    };
    const result = await alternate(
      { a: target('a', 0), b: target('b', 100), c: target('c', 200) },
      {
        rounds: 2,
        warmUp: 1,
      },
    );
    expect(calls).toEqual(['a', 'b', 'c', 'b', 'c', 'a', 'c', 'a', 'b']);
    // Only rounds 2 and 3 count: a ran 6th and 8th, b 4th and 9th, c 5th and 7th.
    expect(result.a.samples).toEqual([6, 8]);
    expect(result.b.samples).toEqual([104, 109]);
    expect(result.c.samples).toEqual([205, 207]);
  });
});
