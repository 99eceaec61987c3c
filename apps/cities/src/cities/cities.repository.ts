import { Inject, Injectable } from '@nestjs/common';
import { sqlState, type Tx } from '@c2c/persistence';
import { DataSource } from 'typeorm';
import type { City } from './city';
import { nameKeyOf, searchTextOf } from './city-names';
import { CityEntity } from './city.entity';
import { DuplicateCityKey, type CityListFilter, type CityPosition, type CityStore } from './usecases/ports';

const UNIQUE_KEY = 'cities_country_name_key_uq';
// Word similarity tolerates a typo or two in a name ("Tehrn") without matching unrelated cities;
// pg_trgm's default (0.6) misses common misspellings such as "Tokio".
const WORD_SIMILARITY_THRESHOLD = '0.5';

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function isDuplicateKey(error: unknown): boolean {
  const constraint = (error as { driverError?: { constraint?: unknown } }).driverError?.constraint;
  return sqlState(error) === '23505' && constraint === UNIQUE_KEY;
}

/** The domain's city, without the columns that only serve lookups. */
function toCity(row: CityEntity): City {
  const { nameKey: _key, searchText: _search, ...city } = row;
  return city;
}

/** The row of a city: the folded columns are derived here, on every write, from the names. */
function toRow(city: City): CityEntity {
  return Object.assign(new CityEntity(), {
    ...city,
    contacts: city.contacts.map((contact) => ({ ...contact })),
    sdgFocus: [...city.sdgFocus],
    languages: [...city.languages],
    nameKey: nameKeyOf(city.name),
    searchText: searchTextOf(city),
  } satisfies CityEntity);
}

@Injectable()
export class CitiesRepository implements CityStore {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<City | null> {
    const row = await this.dataSource.manager.findOne(CityEntity, { where: { id } });
    return row && toCity(row);
  }

  async findByIdForUpdate(tx: Tx, id: string): Promise<City | null> {
    const row = await tx.findOne(CityEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return row && toCity(row);
  }

  async findByKey(countryCode: string, name: string): Promise<City | null> {
    const row = await this.dataSource.manager.findOne(CityEntity, {
      where: { countryCode, nameKey: nameKeyOf(name) },
    });
    return row && toCity(row);
  }

  async insert(tx: Tx, city: City): Promise<void> {
    await this.translateDuplicate(() => tx.insert(CityEntity, toRow(city)));
  }

  async update(tx: Tx, city: City): Promise<void> {
    const { id, ...fields } = toRow(city);
    await this.translateDuplicate(() => tx.update(CityEntity, { id }, fields));
  }

  async list(tx: Tx, filter: CityListFilter, limit: number, after?: CityPosition): Promise<City[]> {
    const query = tx
      .createQueryBuilder(CityEntity, 'c')
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit);
    if (!filter.includeArchived) query.andWhere('c.archivedAt is null');
    if (filter.countryCode) query.andWhere('c.countryCode = :country', { country: filter.countryCode });
    if (filter.level) query.andWhere('c.level = :level', { level: filter.level });
    if (filter.membershipStatus)
      query.andWhere('c.membershipStatus = :status', { status: filter.membershipStatus });
    if (filter.text) {
      // `<%` and the threshold come from pg_trgm, found through the role's search_path
      // (cities, extensions). The text is only ever a bound parameter.
      await tx.query(`select set_config('pg_trgm.word_similarity_threshold', $1, true)`, [
        WORD_SIMILARITY_THRESHOLD,
      ]);
      query.andWhere('(c.searchText ilike :pattern or :text <% c.searchText)', {
        pattern: `%${escapeLike(filter.text)}%`,
        text: filter.text,
      });
    }
    if (after)
      query.andWhere('(c.name, c.id) > (:afterName, :afterId)', { afterName: after.name, afterId: after.id });
    return (await query.getMany()).map(toCity);
  }

  private async translateDuplicate(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateCityKey('country and name already registered');
      throw error;
    }
  }
}
