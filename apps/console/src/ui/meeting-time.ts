import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';

/**
 * A meeting is scheduled as the people attending it see the clock: a wall time in the meeting's own
 * IANA time zone (the host city's), not the browser's. The API takes the instant, so the console
 * converts both ways here. Pure: no React, no DOM.
 */

/** Whether the browser knows this IANA time zone (what the API will be asked to store). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The browser's own time zone: the form's first guess. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The instant (ISO 8601, UTC) of a `datetime-local` value read in `timeZone`, or undefined when the
 * value is not a wall time or the zone is unknown. A wall time skipped by a daylight-saving change
 * is read as the instant it would have been before the change.
 */
export function instantOfWallTime(wallTime: string, timeZone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(wallTime) || !isKnownTimeZone(timeZone)) {
    return undefined;
  }
  const instant = fromZonedTime(wallTime, timeZone);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** An instant as the meeting's wall time, `2026-10-14 09:00`; in UTC when the zone is unknown. */
export function wallTimeOf(instant: string, timeZone: string): string {
  return formatInTimeZone(instant, isKnownTimeZone(timeZone) ? timeZone : 'UTC', 'yyyy-MM-dd HH:mm');
}
