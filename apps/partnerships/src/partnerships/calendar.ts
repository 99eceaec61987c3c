// Calendar days as `YYYY-MM-DD`, in UTC: partnership dates have no time of day and no time zone, and
// every replica must agree on what "today" is.

const DAY_MS = 86_400_000;

export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

const toUtc = (day: string): number => Date.parse(`${day}T00:00:00Z`);

export const addDays = (day: string, days: number): string => dayOf(new Date(toUtc(day) + days * DAY_MS));

export const daysBetween = (from: string, to: string): number =>
  Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** Whole months from `from` to `to` (a month counts once its day of month is reached). */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}
