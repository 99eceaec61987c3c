import { byArea, bySdg, byStartYear } from './tallies';

const partnership = (
  cooperationAreas: Parameters<typeof byArea>[0][number]['cooperationAreas'],
  sdgTags: number[],
  startDate: string | null,
) => ({ cooperationAreas, sdgTags, startDate });

describe('chart tallies', () => {
  const sample = [
    partnership(['transport', 'tourism'], [11, 13], '2019-04-01'),
    partnership(['transport'], [11], '2021-01-15'),
    partnership(['health', 'health'], [3, 3, 18], null),
  ];

  it('counts a partnership once under each of its areas, every area listed in order', () => {
    const tallies = byArea(sample);
    expect(tallies.map((tally) => tally.key)).toEqual(
      expect.arrayContaining(['transport', 'tourism', 'health']),
    );
    expect(tallies).toHaveLength(13);
    expect(tallies.find((tally) => tally.key === 'transport')?.count).toBe(2);
    expect(tallies.find((tally) => tally.key === 'health')?.count).toBe(1);
    expect(tallies.find((tally) => tally.key === 'urban-planning')?.count).toBe(0);
  });

  it('counts goals 1 to 17 only, a repeated tag once', () => {
    const tallies = bySdg(sample);
    expect(tallies.map((tally) => tally.key)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(tallies[10]).toEqual({ key: 11, count: 2 });
    expect(tallies[2]).toEqual({ key: 3, count: 1 });
    expect(tallies.reduce((sum, tally) => sum + tally.count, 0)).toBe(4);
  });

  it('fills the years between the first and the last start, and counts the undated apart', () => {
    expect(byStartYear(sample)).toEqual({
      years: [
        { key: 2019, count: 1 },
        { key: 2020, count: 0 },
        { key: 2021, count: 1 },
      ],
      undated: 1,
    });
    expect(byStartYear([])).toEqual({ years: [], undated: 0 });
  });
});
