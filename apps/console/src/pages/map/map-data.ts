import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import {
  MEMBERSHIPS,
  PARTNERSHIP_TYPES,
  type City,
  type CooperationArea,
  type Partnership,
  type PartnershipStatus,
  type PartnershipType,
} from './vocabulary';

export * from './vocabulary';

/** The API's largest page (`limit` maximum in docs/openapi.json). */
export const PAGE_SIZE = 100;

/** Every page of one list, following its cursors to the end. */
async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const result = await page(cursor);
    items.push(...result.items);
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/**
 * Every unarchived city. The list is read in one cursor chain per membership standing, side by side:
 * the three partition the registry, and three short chains finish sooner than one long one.
 */
export async function allCities(): Promise<City[]> {
  const chains = MEMBERSHIPS.map((membership) =>
    allPages(async (cursor) =>
      unwrap(
        await api.GET('/api/v1/cities', {
          params: { query: { limit: PAGE_SIZE, membership, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    ),
  );
  return (await Promise.all(chains)).flat();
}

/** Every partnership, in one cursor chain per type side by side (the types partition them). */
export async function allPartnerships(): Promise<Partnership[]> {
  const chains = PARTNERSHIP_TYPES.map((type) =>
    allPages(async (cursor) =>
      unwrap(
        await api.GET('/api/v1/partnerships', {
          params: { query: { limit: PAGE_SIZE, type, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    ),
  );
  return (await Promise.all(chains)).flat();
}

/** The TanStack Query keys, shared by the map and the charts so one visit serves the other. */
export const ALL_CITIES_KEY = ['cities', 'all'] as const;
export const ALL_PARTNERSHIPS_KEY = ['partnerships', 'all'] as const;

export interface PartnershipFilter {
  type?: PartnershipType;
  area?: CooperationArea;
  sdg?: number;
  status?: PartnershipStatus;
}

/** The partnerships that pass every filter set (an unset filter passes all). */
export function filterPartnerships(
  partnerships: readonly Partnership[],
  filter: PartnershipFilter,
): Partnership[] {
  return partnerships.filter(
    (p) =>
      (filter.type === undefined || p.type === filter.type) &&
      (filter.status === undefined || p.status === filter.status) &&
      (filter.area === undefined || p.cooperationAreas.includes(filter.area)) &&
      (filter.sdg === undefined || p.sdgTags.includes(filter.sdg)),
  );
}
