import { Inject, Injectable } from '@nestjs/common';
import { TransactionRunner } from '@c2c/persistence';
import { pageOf, type Page } from '@c2c/platform';
import { CityError } from '../cities.errors';
import type { City } from '../city';
import { foldName } from '../city-names';
import {
  CITY_STORE,
  type CityListFilter,
  type CityPosition,
  type CityStore,
  type Transactions,
} from './ports';

/** Reads for anyone who may read: one city, or a filtered page of them in (name, id) order. */
@Injectable()
export class FindCities {
  constructor(
    @Inject(CITY_STORE) private readonly cities: CityStore,
    @Inject(TransactionRunner) private readonly transactions: Transactions,
  ) {}

  async byId(id: string): Promise<City> {
    const city = await this.cities.findById(id);
    if (!city) throw CityError.notFound(id);
    return city;
  }

  /** `filter.text` is matched against every name, folded the way names are. */
  async page(filter: CityListFilter, limit: number, after?: CityPosition): Promise<Page<City>> {
    // One row more than asked tells whether a next page exists. A transaction scopes the search
    // settings the repository applies to this query alone.
    const text = filter.text === undefined ? undefined : foldName(filter.text) || undefined;
    const rows = await this.transactions.run((tx) =>
      this.cities.list(tx, { ...filter, text }, limit + 1, after),
    );
    return pageOf(rows, limit, (last) => ({ name: last.name, id: last.id }));
  }
}
