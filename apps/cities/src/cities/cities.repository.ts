import { Inject, Injectable } from '@nestjs/common';
import { sqlState, type Tx } from '@c2c/persistence';
import type { CityLevel, MembershipStatus } from '@c2c/contracts';
import { DataSource } from 'typeorm';
import { nameKeyOf, searchTextOf } from './city-names';
import { CityEntity } from './city.entity';

export interface CityListFilter {
  countryCode?: string;
  level?: CityLevel;
  membershipStatus?: MembershipStatus;
  /** Text searched in every name; the repository receives it folded with `foldName`. */
  text?: string;
  includeArchived: boolean;
}

/** Where a page starts: after this (name, id) in the list's order. */
export interface CityPosition {
  name: string;
  id: string;
}

/** Another city already has this country and folded name. */
export class DuplicateCityKey extends Error {}

/** What use cases need from storage; the TypeORM implementation is below, unit tests fake it. */
export interface CityStore {
  findById(id: string): Promise<CityEntity | null>;
  /** Reads and row-locks the city, so concurrent changes to it queue behind this transaction. */
  findByIdForUpdate(tx: Tx, id: string): Promise<CityEntity | null>;
  findByKey(countryCode: string, name: string): Promise<CityEntity | null>;
  /** @throws DuplicateCityKey */
  insert(tx: Tx, city: CityEntity): Promise<void>;
  /** @throws DuplicateCityKey */
  update(tx: Tx, city: CityEntity): Promise<void>;
  list(tx: Tx, filter: CityListFilter, limit: number, after?: CityPosition): Promise<CityEntity[]>;
}

const UNIQUE_KEY = 'cities_country_name_key_uq';
// Word similarity tolerates a typo or two in a name ("Tehrn") without matching unrelated cities;
// pg_trgm's default (0.6) misses common misspellings such as "Tokio".
const WORD_SIMILARITY_THRESHOLD = '0.5';

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function isDuplicateKey(error: unknown): boolean {
  const constraint = (error as { driverError?: { constraint?: unknown } }).driverError?.constraint;
  return sqlState(error) === '23505' && constraint === UNIQUE_KEY;
}

/** Keeps the folded columns in step with the names they come from. */
function withDerivedNames(city: CityEntity): CityEntity {
  city.nameKey = nameKeyOf(city.name);
  city.searchText = searchTextOf(city);
  return city;
}

@Injectable()
export class CitiesRepository implements CityStore {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  findById(id: string): Promise<CityEntity | null> {
    return this.dataSource.manager.findOne(CityEntity, { where: { id } });
  }

  findByIdForUpdate(tx: Tx, id: string): Promise<CityEntity | null> {
    return tx.findOne(CityEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByKey(countryCode: string, name: string): Promise<CityEntity | null> {
    return this.dataSource.manager.findOne(CityEntity, { where: { countryCode, nameKey: nameKeyOf(name) } });
  }

  async insert(tx: Tx, city: CityEntity): Promise<void> {
    await this.translateDuplicate(() => tx.insert(CityEntity, withDerivedNames(city)));
  }

  async update(tx: Tx, city: CityEntity): Promise<void> {
    const { id, ...fields } = withDerivedNames(city);
    await this.translateDuplicate(() => tx.update(CityEntity, { id }, fields));
  }

  async list(tx: Tx, filter: CityListFilter, limit: number, after?: CityPosition): Promise<CityEntity[]> {
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
    return query.getMany();
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
