import type { EventData } from '@c2c/contracts';
import type { City, ContactOfficer, ProfileField } from './city';

type Registered = EventData<'c2c.city.registered.v1'>;
type ProfileUpdated = EventData<'c2c.city.profile-updated.v1'>;
type Changes = ProfileUpdated['changes'];
type ContactOfficerData = NonNullable<Registered['contactOfficers']>[number];

/**
 * Profile fields that events carry as they are. Contacts travel too, as `contactOfficers` (see
 * below); the leader is not in the city contracts, so a change to it alone publishes nothing.
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

/**
 * What events carry of a contact officer: name, role and e-mail, for notifications to reach them.
 * Never the phone: it stays here, for the API to show officers. Built field by field, never by
 * spreading the stored contact, so that a field added to contacts later does not reach the events
 * unseen. A role the API stored as null is no role.
 */
const contactOfficerData = (contact: ContactOfficer): ContactOfficerData => ({
  name: contact.name,
  ...(contact.role ? { role: contact.role } : {}),
  email: contact.email,
});

/** The contact officers as events carry them, or null when the city has none. */
const contactOfficersOf = (city: City): ContactOfficerData[] | null =>
  eventValue(city.contacts.map(contactOfficerData));

/** The whole profile, as subscribers build their read model from it; absent values are left out. */
export function cityRegisteredData(city: City): Registered {
  const optional = Object.fromEntries(
    EVENT_FIELDS.map((field) => [field, eventValue(city[field])]).filter(([, value]) => value !== null),
  ) as Partial<Registered>;
  const contactOfficers = contactOfficersOf(city);
  return {
    ...optional,
    ...(contactOfficers === null ? {} : { contactOfficers }),
    cityId: city.id,
    name: city.name,
    countryCode: city.countryCode,
    level: city.level,
    membershipStatus: city.membershipStatus,
    registeredAt: city.createdAt.toISOString(),
  };
}

/**
 * The new values of the changed fields events carry, or nothing when only other fields changed.
 * Changed contacts are `contactOfficers`, the whole new list, in the place `contacts` has in
 * `changed`; but only when what events carry of them changed: a new phone alone is no event.
 */
export function cityProfileUpdatedData(
  before: City,
  city: City,
  changed: readonly ProfileField[],
): ProfileUpdated | undefined {
  const changes: Record<string, unknown> = {};
  for (const field of changed) {
    if (isEventField(field)) changes[field] = eventValue(city[field]);
    else if (field === 'contacts') {
      const contactOfficers = contactOfficersOf(city);
      // Built in one key order by contactOfficerData, so equal lists are equal text.
      if (JSON.stringify(contactOfficersOf(before)) !== JSON.stringify(contactOfficers))
        changes.contactOfficers = contactOfficers;
    }
  }
  const changedFields = Object.keys(changes);
  if (changedFields.length === 0) return undefined;
  // The profile's field types are the contract's (and the outbox validates the payload before writing).
  return {
    cityId: city.id,
    changedFields,
    changes: changes as Changes,
    updatedAt: city.updatedAt.toISOString(),
  };
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
