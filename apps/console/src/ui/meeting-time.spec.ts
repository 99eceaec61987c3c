import { instantOfWallTime, isKnownTimeZone, wallTimeOf } from './meeting-time';

describe('meeting times', () => {
  it('reads a wall time in the meeting’s zone, not the browser’s', () => {
    expect(instantOfWallTime('2026-10-14T09:00', 'Asia/Jakarta')).toBe('2026-10-14T02:00:00.000Z');
    expect(instantOfWallTime('2026-10-14T09:00', 'Asia/Kolkata')).toBe('2026-10-14T03:30:00.000Z');
    expect(instantOfWallTime('2026-01-05T09:00', 'UTC')).toBe('2026-01-05T09:00:00.000Z');
  });

  it('follows daylight saving time where the zone has it', () => {
    expect(instantOfWallTime('2026-01-15T10:00', 'Australia/Sydney')).toBe('2026-01-14T23:00:00.000Z');
    expect(instantOfWallTime('2026-07-15T10:00', 'Australia/Sydney')).toBe('2026-07-15T00:00:00.000Z');
  });

  it('shows an instant as the wall time of the meeting’s zone', () => {
    expect(wallTimeOf('2026-10-14T02:00:00.000Z', 'Asia/Jakarta')).toBe('2026-10-14 09:00');
    expect(wallTimeOf('2026-10-14T02:00:00.000Z', 'Asia/Tokyo')).toBe('2026-10-14 11:00');
    // A zone the browser does not know is shown in UTC rather than not at all.
    expect(wallTimeOf('2026-10-14T02:00:00.000Z', 'Mars/Olympus')).toBe('2026-10-14 02:00');
  });

  it('refuses what is no wall time or no time zone', () => {
    expect(instantOfWallTime('', 'Asia/Jakarta')).toBeUndefined();
    expect(instantOfWallTime('14/10/2026 09:00', 'Asia/Jakarta')).toBeUndefined();
    expect(instantOfWallTime('2026-10-14T09:00', 'Mars/Olympus')).toBeUndefined();
    expect(isKnownTimeZone('Asia/Jakarta')).toBe(true);
    expect(isKnownTimeZone('Asia/Jakarta; drop')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});
