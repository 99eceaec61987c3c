import { COOPERATION_AREAS, SDG_NUMBERS, type CooperationArea, type Partnership } from '../map/vocabulary';

/** One bar: what it counts and how many. */
export interface Tally<K> {
  readonly key: K;
  readonly count: number;
}

type Counted = Pick<Partnership, 'cooperationAreas' | 'sdgTags' | 'startDate'>;

/** Partnerships per cooperation area, every area in the vocabulary's order (a partnership counts under each of its areas). */
export function byArea(partnerships: readonly Counted[]): Tally<CooperationArea>[] {
  const counts = new Map<CooperationArea, number>(COOPERATION_AREAS.map((area) => [area, 0]));
  for (const p of partnerships)
    for (const area of new Set(p.cooperationAreas)) counts.set(area, (counts.get(area) ?? 0) + 1);
  return COOPERATION_AREAS.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

/** Partnerships per SDG, 1 to 17 (a partnership counts under each goal it is tagged with). */
export function bySdg(partnerships: readonly Counted[]): Tally<number>[] {
  const counts = new Map<number, number>(SDG_NUMBERS.map((sdg) => [sdg, 0]));
  for (const p of partnerships) {
    for (const sdg of new Set(p.sdgTags)) if (counts.has(sdg)) counts.set(sdg, (counts.get(sdg) ?? 0) + 1);
  }
  return SDG_NUMBERS.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

/**
 * Partnerships per year of their start date, every year from the first to the last (a year without
 * one shows as 0, so the axis is time), and how many have no start date.
 */
export function byStartYear(partnerships: readonly Counted[]): { years: Tally<number>[]; undated: number } {
  const counts = new Map<number, number>();
  let undated = 0;
  for (const p of partnerships) {
    const year = p.startDate ? Number(p.startDate.slice(0, 4)) : NaN;
    if (Number.isInteger(year)) counts.set(year, (counts.get(year) ?? 0) + 1);
    else undated++;
  }
  if (counts.size === 0) return { years: [], undated };
  const first = Math.min(...counts.keys());
  const last = Math.max(...counts.keys());
  const years = Array.from({ length: last - first + 1 }, (_, i) => ({
    key: first + i,
    count: counts.get(first + i) ?? 0,
  }));
  return { years, undated };
}
