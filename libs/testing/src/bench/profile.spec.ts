import { benchList, benchProfile, benchSize } from './profile';

describe('benchmark profiles', () => {
  const sizes = { quick: 20_000, full: 100_000 };

  it('is quick unless asked for full', () => {
    expect(benchProfile({})).toBe('quick');
    expect(benchProfile({ BENCH_PROFILE: 'full' })).toBe('full');
    expect(() => benchProfile({ BENCH_PROFILE: 'huge' })).toThrow('BENCH_PROFILE must be quick or full');
  });

  it("takes the profile's size, and a size's own variable over both", () => {
    expect(benchSize('EVENTS', sizes, {})).toBe(20_000);
    expect(benchSize('EVENTS', sizes, { BENCH_PROFILE: 'full' })).toBe(100_000);
    expect(benchSize('EVENTS', sizes, { BENCH_PROFILE: 'full', EVENTS: '5000' })).toBe(5_000);
    expect(() => benchSize('EVENTS', sizes, { EVENTS: '-1' })).toThrow('EVENTS must be a positive number');
  });

  it('reads a list the same way', () => {
    const lists = { quick: [25, 50], full: [25, 50, 100] };
    expect(benchList('E2E_RATES', lists, {})).toEqual([25, 50]);
    expect(benchList('E2E_RATES', lists, { BENCH_PROFILE: 'full' })).toEqual([25, 50, 100]);
    expect(benchList('E2E_RATES', lists, { E2E_RATES: '10, 20' })).toEqual([10, 20]);
    expect(() => benchList('E2E_RATES', lists, { E2E_RATES: '10,x' })).toThrow('comma-separated');
  });
});
