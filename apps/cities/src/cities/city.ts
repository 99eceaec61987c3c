import type { CityLevel, MembershipStatus } from '@c2c/contracts';

// The city as the domain sees it: plain, immutable values and the pure functions that change them.
// No Nest, no TypeORM: the repository maps it to and from its row, use cases apply the rules.

/**
 * A person at the city the platform notifies about its partnerships and commissions. `email` and
 * `phone` are personal data: only officers see them (see `mayReachContacts` in `@c2c/auth`).
 */
export interface ContactOfficer {
  readonly name: string;
  /** Their function at the city, e.g. "International relations officer". */
  readonly role?: string;
  readonly email: string;
  readonly phone?: string;
}

/** Everything about a city that `PATCH /cities/:id` may change. */
export interface CityProfile {
  /** Official name in Latin script. */
  readonly name: string;
  readonly englishName: string | null;
  /** Name in the local language and script. */
  readonly localName: string | null;
  readonly countryCode: string;
  readonly region: string | null;
  readonly level: CityLevel;
  readonly population: number | null;
  readonly populationYear: number | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly website: string | null;
  readonly leaderName: string | null;
  readonly leaderTitle: string | null;
  readonly contacts: readonly ContactOfficer[];
  readonly sdgFocus: readonly number[];
  readonly languages: readonly string[];
}

export type ProfileField = keyof CityProfile;

/** What identifies a city in the registry: the secretariat's to change, not the city's own officer's. */
export const IDENTITY_FIELDS: readonly ProfileField[] = ['name', 'countryCode', 'level'];

/** A city or local authority. Never deleted: archiving sets `archivedAt`. */
export interface City extends CityProfile {
  readonly id: string;
  readonly membershipStatus: MembershipStatus;
  /** Day the current membership status took effect (`YYYY-MM-DD`). */
  readonly membershipChangedOn: string;
  /** Bumped by every change; the ETag is `W/"<version>"`. */
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly archivedAt: Date | null;
}

/** A change to a profile: fields left out stay as they are; `null` removes an optional value. */
export type ProfilePatch = { readonly [K in ProfileField]?: CityProfile[K] | null };

/** What registering a city takes: the required fields, any optional ones, and its AMF standing. */
export type RegisterCityCommand = Pick<CityProfile, 'name' | 'countryCode' | 'level'> &
  Partial<Omit<CityProfile, 'name' | 'countryCode' | 'level'>> & {
    readonly membershipStatus?: MembershipStatus;
    /** `YYYY-MM-DD`; defaults to the day of registration. */
    readonly membershipChangedOn?: string;
  };

/** A patch applied: the city after it, and the fields whose value really changed. */
export interface ProfileChange {
  readonly city: City;
  readonly changed: readonly ProfileField[];
}

const LIST_FIELDS = new Set<ProfileField>(['contacts', 'sdgFocus', 'languages']);
const REQUIRED_FIELDS = new Set<ProfileField>(['name', 'countryCode', 'level']);

/** The stored form of "no value": lists are empty rather than null, so readers never check both. */
const emptyValueOf = (field: ProfileField): [] | null => (LIST_FIELDS.has(field) ? [] : null);

/** A day as `YYYY-MM-DD` in UTC: the day a membership change takes effect unless one is given. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/** A new city at version 1: every optional field that was not given is empty. */
export function newCity(id: string, command: RegisterCityCommand, now: Date): City {
  return {
    id,
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
    membershipStatus: command.membershipStatus ?? 'non-member',
    membershipChangedOn: command.membershipChangedOn ?? dayOf(now),
    version: 1,
    createdAt: now,
    updatedAt: now,
    archivedAt: null,
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

/** Marks a change: a new version (hence a new ETag) at this instant. */
export const touch = (city: City, at: Date): City => ({ ...city, version: city.version + 1, updatedAt: at });

/**
 * Applies a patch and names the fields whose value really changed, so that re-sending the current
 * values changes nothing: the same city comes back, at the same version, and no event follows.
 */
export function applyProfilePatch(city: City, patch: ProfilePatch, at: Date): ProfileChange {
  const changes: Partial<Record<ProfileField, unknown>> = {};
  for (const field of Object.keys(patch) as ProfileField[]) {
    const given = patch[field];
    if (given === undefined || (given === null && REQUIRED_FIELDS.has(field))) continue;
    const next = given ?? emptyValueOf(field);
    if (!sameValue(city[field], next)) changes[field] = next;
  }
  const changed = Object.keys(changes) as ProfileField[];
  if (changed.length === 0) return { city, changed };
  // Each value was checked against its field's type by the patch it came from.
  return { city: touch({ ...city, ...(changes as Partial<CityProfile>) }, at), changed };
}

/** The city with its new standing in the forum, taking effect on `on` (`YYYY-MM-DD`). */
export const changeMembership = (city: City, status: MembershipStatus, on: string, at: Date): City =>
  touch({ ...city, membershipStatus: status, membershipChangedOn: on }, at);

/** The city retired: still readable, but it changes no more. */
export const archive = (city: City, at: Date): City => touch({ ...city, archivedAt: at }, at);

export const isArchived = (city: City): boolean => city.archivedAt !== null;
