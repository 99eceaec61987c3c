import type { CityLevel, MembershipStatus } from '@c2c/contracts';
import type { CityEntity, ContactOfficer } from './city.entity';

/** Everything about a city that `PATCH /cities/:id` may change. */
export interface CityProfile {
  name: string;
  englishName: string | null;
  localName: string | null;
  countryCode: string;
  region: string | null;
  level: CityLevel;
  population: number | null;
  populationYear: number | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  leaderName: string | null;
  leaderTitle: string | null;
  contacts: ContactOfficer[];
  sdgFocus: number[];
  languages: string[];
}

export type ProfileField = keyof CityProfile;

/** A change to a profile: fields left out stay as they are; `null` removes an optional value. */
export type ProfilePatch = { [K in ProfileField]?: CityProfile[K] | null };

/** What registering a city takes: the required fields, any optional ones, and its AMF standing. */
export type RegisterCityCommand = Pick<CityProfile, 'name' | 'countryCode' | 'level'> &
  Partial<Omit<CityProfile, 'name' | 'countryCode' | 'level'>> & {
    membershipStatus?: MembershipStatus;
    /** `YYYY-MM-DD`; defaults to the day of registration. */
    membershipChangedOn?: string;
  };

const LIST_FIELDS = new Set<ProfileField>(['contacts', 'sdgFocus', 'languages']);
const REQUIRED_FIELDS = new Set<ProfileField>(['name', 'countryCode', 'level']);

/** The stored form of "no value": lists are empty rather than null, so readers never check both. */
const emptyValueOf = (field: ProfileField): [] | null => (LIST_FIELDS.has(field) ? [] : null);

/** The profile of a new city: every optional field that was not given is empty. */
export function profileOf(command: RegisterCityCommand): CityProfile {
  return {
    name: command.name,
    englishName: command.englishName ?? null,
    localName: command.localName ?? null,
    countryCode: command.countryCode,
    region: command.region ?? null,
    level: command.level,
    population: command.population ?? null,
    populationYear: command.populationYear ?? null,
    latitude: command.latitude ?? null,
    longitude: command.longitude ?? null,
    website: command.website ?? null,
    leaderName: command.leaderName ?? null,
    leaderTitle: command.leaderTitle ?? null,
    contacts: command.contacts ?? [],
    sdgFocus: command.sdgFocus ?? [],
    languages: command.languages ?? [],
  };
}

// Object keys sorted: jsonb hands contacts back with its own key order, which must not read as a change.
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * Applies a patch to a city in place and names the fields whose value really changed, so that
 * re-sending the current values changes nothing (no new version, no event).
 */
export function applyProfilePatch(city: CityEntity, patch: ProfilePatch): ProfileField[] {
  const changed: ProfileField[] = [];
  for (const field of Object.keys(patch) as ProfileField[]) {
    const given = patch[field];
    if (given === undefined || (given === null && REQUIRED_FIELDS.has(field))) continue;
    const next = given ?? emptyValueOf(field);
    if (sameValue(city[field], next)) continue;
    (city as unknown as Record<ProfileField, unknown>)[field] = next;
    changed.push(field);
  }
  return changed;
}
