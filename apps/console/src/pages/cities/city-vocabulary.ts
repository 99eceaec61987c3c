import type { Schemas } from '../../api/client';

type City = Schemas['CityResponse'];

export const CITY_LEVELS: readonly City['level'][] = [
  'municipality',
  'metropolitan-city',
  'province',
  'prefecture',
  'district',
  'other',
];

export const MEMBERSHIPS: readonly City['membershipStatus'][] = ['member', 'observer', 'non-member'];

/** A filter value from the address bar, if it is one the API knows. */
export const parseChoice = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * The language of a city's local name, for its `lang` attribute (so the browser picks the right
 * script's font and a screen reader the right voice): the city's first language, when it gives one.
 */
export const localNameLang = (city: Pick<City, 'languages'>): string | undefined => {
  const first = city.languages[0];
  return first && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(first) ? first : undefined;
};
