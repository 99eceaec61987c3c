import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/problem';

export type City = Schemas['CityResponse'];
type Membership = NonNullable<City['membershipStatus']>;

/** Enough pages for any real forum (hundreds of cities); a choice list longer than that needs search. */
const MAX_PAGES = 10;

async function allCities(membership: Membership | undefined): Promise<City[]> {
  const cities: City[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = { limit: 100, ...(membership ? { membership } : {}), ...(cursor ? { cursor } : {}) };
    const result = unwrap(await api.GET('/api/v1/cities', { params: { query } }));
    cities.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return cities.sort((a, b) => a.name.localeCompare(b.name));
}

/** The cities to choose from in a form (members only when `membership` says so), by name. */
export function useCityOptions(membership?: Membership) {
  return useQuery({
    queryKey: ['city-options', membership ?? 'all'],
    queryFn: () => allCities(membership),
    staleTime: 60_000,
  });
}

/** A city's name by id, from the options loaded; the id itself until they are. */
export const cityNameIn = (cities: readonly City[] | undefined, id: string | null): string =>
  id === null ? '' : (cities?.find((city) => city.id === id)?.name ?? id);
