import type { Tx } from '@c2c/persistence';
import { CommissionError } from './commission.errors';
import type { CityStore } from './usecases/ports';

/** Cities one field of a command names; an archived city is accepted only where the past is recorded. */
export interface NamedCities {
  field: string;
  cityIds: string[];
  /** Attendance at a meeting already held may name a city archived since. */
  archivedAllowed?: boolean;
}

/**
 * Refuses a command naming a city the service's read model does not know (or an archived one where a
 * current city is needed), with a 422 that names every such field and its cities.
 */
export async function assertCitiesKnown(cities: CityStore, tx: Tx, named: NamedCities[]): Promise<void> {
  const ids = [...new Set(named.flatMap((entry) => entry.cityIds))];
  if (ids.length === 0) return;
  const known = await cities.known(tx, ids);
  const errors = named
    .map(({ field, cityIds, archivedAllowed }) => ({
      field,
      cityIds: cityIds.filter((id) => {
        const city = known.get(id);
        return (
          city === undefined || city.name === null || (archivedAllowed !== true && city.archivedAt !== null)
        );
      }),
    }))
    .filter((error) => error.cityIds.length > 0);
  if (errors.length > 0) throw CommissionError.citiesUnknown(errors);
}
