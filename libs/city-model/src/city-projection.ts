import type { AnyEventEnvelope, CityLevel, EventTypesOf, MembershipStatus } from '@c2c/contracts';

/** Any event of `c2c.cities.v1`. */
export type CityEvent = AnyEventEnvelope<EventTypesOf<'c2c.cities.v1'>>;

/** What a service consuming `c2c.cities.v1` knows about a city: one record per city id. */
export interface CityRecord {
  cityId: string;
  name: string | null;
  englishName: string | null;
  countryCode: string | null;
  level: CityLevel | null;
  membershipStatus: MembershipStatus | null;
  /** RFC 3339; null while the city is not archived. */
  archivedAt: string | null;
  fieldSequences: Partial<Record<CityField, number>>;
  lastSequence: number;
}

/** The fields of a {@link CityRecord} that events set, each guarded by its own sequence. */
export type CityField = 'name' | 'englishName' | 'countryCode' | 'level' | 'membershipStatus' | 'archivedAt';
type CityFields = Partial<Pick<CityRecord, CityField>>;

/** The record of a city no event has reached yet: every field unknown, sequence 0. */
export const emptyCityRecord = (cityId: string): CityRecord => ({
  cityId,
  name: null,
  englishName: null,
  countryCode: null,
  level: null,
  membershipStatus: null,
  archivedAt: null,
  fieldSequences: {},
  lastSequence: 0,
});

/**
 * A city whose `registered` event has been applied. A record built only from later events (a replay,
 * a rebuild racing the live consumer) may lack its name and country, so services act only on these.
 */
export const isRegistered = (
  city: CityRecord | undefined,
): city is CityRecord & { name: string; countryCode: string } =>
  city !== undefined && city.name !== null && city.countryCode !== null;

function fieldsOf(event: CityEvent): CityFields {
  switch (event.type) {
    case 'c2c.city.registered.v1': {
      const d = event.data;
      return {
        name: d.name,
        englishName: d.englishName ?? null,
        countryCode: d.countryCode,
        level: d.level,
        membershipStatus: d.membershipStatus,
      };
    }
    case 'c2c.city.profile-updated.v1': {
      // Only the fields named in the event changed; the others keep whatever newer event set them.
      const { changes } = event.data;
      const fields: CityFields = {};
      if (changes.name !== undefined) fields.name = changes.name;
      if (changes.englishName !== undefined) fields.englishName = changes.englishName;
      if (changes.countryCode !== undefined) fields.countryCode = changes.countryCode;
      if (changes.level !== undefined) fields.level = changes.level;
      return fields;
    }
    case 'c2c.city.membership-changed.v1':
      return { membershipStatus: event.data.membershipStatus };
    case 'c2c.city.archived.v1':
      return {
        name: event.data.name,
        countryCode: event.data.countryCode,
        archivedAt: event.data.archivedAt,
      };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled city event ${(unhandled as { type: string }).type}`);
    }
  }
}

/**
 * How far beyond the record's last sequence an event may be. The cities service numbers each city's
 * events one by one and this model reads all of them, so a real event is at most a little ahead (a
 * few in flight on one partition); a far jump is a forged or corrupt `ce_sequence`. Applied, it would
 * make every later real event look old and freeze the city, so it is refused instead.
 */
export const MAX_SEQUENCE_JUMP = 10_000;

/** Why `event` cannot be the next news of `record`, or null when its sequence is plausible. */
export function implausibleSequence(record: CityRecord, event: CityEvent): string | null {
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 1) {
    return `sequence ${event.sequence} is not a positive safe integer`;
  }
  if (event.sequence > record.lastSequence + MAX_SEQUENCE_JUMP) {
    return (
      `sequence ${event.sequence} of city ${record.cityId} is more than ${MAX_SEQUENCE_JUMP} ` +
      `beyond its last one (${record.lastSequence})`
    );
  }
  return null;
}

/**
 * Applies one city event to the city's record, field by field: a field changes only when the event is
 * newer (by the aggregate `sequence`) than the one that last set it. So redelivery, replay and a
 * rebuild racing the live consumer all converge on the same record, whatever the order of arrival.
 * Returns null when the event brings nothing newer.
 */
export function applyCityEvent(record: CityRecord, event: CityEvent): CityRecord | null {
  const next: CityRecord = { ...record, fieldSequences: { ...record.fieldSequences } };
  let changed = false;
  for (const [field, value] of Object.entries(fieldsOf(event)) as [CityField, unknown][]) {
    if ((record.fieldSequences[field] ?? 0) >= event.sequence) continue;
    (next as unknown as Record<CityField, unknown>)[field] = value;
    next.fieldSequences[field] = event.sequence;
    changed = true;
  }
  if (!changed) return null;
  next.lastSequence = Math.max(record.lastSequence, event.sequence);
  return next;
}

/** What differs between two models (rebuild checks): ids only in one, and fields that differ. */
export interface CityModelDifference {
  cityId: string;
  before: CityRecord | null;
  after: CityRecord | null;
}

// Key order must not matter (jsonb reorders keys), so compare a canonical form.
function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, inner]) => [key, canonical(inner)]),
  );
}
const comparable = (record: CityRecord): string => JSON.stringify(canonical(record));

/** How `after` differs from `before`, by city id: changed and new cities first, then removed ones. */
export function diffCityModels(before: CityRecord[], after: CityRecord[]): CityModelDifference[] {
  const old = new Map(before.map((record) => [record.cityId, record]));
  const differences: CityModelDifference[] = [];
  for (const record of after) {
    const previous = old.get(record.cityId);
    old.delete(record.cityId);
    if (previous === undefined || comparable(previous) !== comparable(record)) {
      differences.push({ cityId: record.cityId, before: previous ?? null, after: record });
    }
  }
  for (const previous of old.values())
    differences.push({ cityId: previous.cityId, before: previous, after: null });
  return differences;
}
