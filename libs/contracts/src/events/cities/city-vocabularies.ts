// Vocabularies shared by city events and the cities service's HTTP validation. A value added here
// changes an event `enum`, which is a breaking change: publish new event versions alongside.

/** Tier of local government a city or local authority belongs to. */
export const CITY_LEVELS = [
  'municipality',
  'metropolitan-city',
  'province',
  'prefecture',
  'district',
  'other',
] as const;
/** One of {@link CITY_LEVELS}. */
export type CityLevel = (typeof CITY_LEVELS)[number];

/** A city's standing in the Asian Mayors Forum. */
export const MEMBERSHIP_STATUSES = ['member', 'observer', 'non-member'] as const;
/** One of {@link MEMBERSHIP_STATUSES}. */
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
