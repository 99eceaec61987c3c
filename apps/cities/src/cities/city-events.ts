import type { EventData } from '@c2c/contracts';
import type { City, ProfileField } from './city';

type Registered = EventData<'c2c.city.registered.v1'>;
type ProfileUpdated = EventData<'c2c.city.profile-updated.v1'>;
type Changes = ProfileUpdated['changes'];

/**
 * Profile fields that events carry. Leader and contact officers are not in the city contracts (yet),
 * so changes to them alone publish nothing.
 */
const EVENT_FIELDS = [
  'name',
  'englishName',
  'localName',
  'countryCode',
  'region',
  'level',
  'population',
  'populationYear',
  'latitude',
  'longitude',
  'website',
  'sdgFocus',
  'languages',
] as const satisfies readonly (ProfileField & keyof Changes)[];
type EventField = (typeof EVENT_FIELDS)[number];

const isEventField = (field: ProfileField): field is EventField =>
  (EVENT_FIELDS as readonly string[]).includes(field);

/** An event's view of a stored value: "none" is null, whether stored as null or as an empty list. */
const eventValue = <T>(value: T): T | null =>
  value === null || (Array.isArray(value) && value.length === 0) ? null : value;

/** The whole profile, as subscribers build their read model from it; absent values are left out. */
export function cityRegisteredData(city: City): Registered {
  const optional = Object.fromEntries(
    EVENT_FIELDS.map((field) => [field, eventValue(city[field])]).filter(([, value]) => value !== null),
  ) as Partial<Registered>;
  return {
    ...optional,
    cityId: city.id,
    name: city.name,
    countryCode: city.countryCode,
    level: city.level,
    membershipStatus: city.membershipStatus,
    registeredAt: city.createdAt.toISOString(),
  };
}

/** The new values of the changed fields events carry, or nothing when only other fields changed. */
export function cityProfileUpdatedData(
  city: City,
  changed: readonly ProfileField[],
): ProfileUpdated | undefined {
  const fields = changed.filter(isEventField);
  if (fields.length === 0) return undefined;
  const changes = Object.fromEntries(fields.map((field) => [field, eventValue(city[field])])) as Changes;
  return { cityId: city.id, changedFields: fields, changes, updatedAt: city.updatedAt.toISOString() };
}

export function cityMembershipChangedData(
  city: City,
  previousStatus: City['membershipStatus'],
  reason: string | undefined,
): EventData<'c2c.city.membership-changed.v1'> {
  return {
    cityId: city.id,
    previousStatus,
    membershipStatus: city.membershipStatus,
    changedOn: city.membershipChangedOn,
    ...(reason === undefined ? {} : { reason }),
  };
}

export function cityArchivedData(city: City, reason: string | undefined): EventData<'c2c.city.archived.v1'> {
  return {
    cityId: city.id,
    name: city.name,
    countryCode: city.countryCode,
    ...(reason === undefined ? {} : { reason }),
    archivedAt: (city.archivedAt ?? city.updatedAt).toISOString(),
  };
}
