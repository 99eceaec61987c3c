import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { CityModelRepository } from './city-model.repository';
import { applyCityEvent, CityEvent, CityRecord } from './city-projection';

/** The local knowledge of cities: fed by their events, asked by partnership rules. */
@Injectable()
export class CityModel {
  constructor(private readonly cities: CityModelRepository) {}

  /** Applies an event in the consumer's transaction; true when it changed the model. */
  async apply(tx: Tx, event: CityEvent): Promise<boolean> {
    const current = await this.cities.lockOrCreate(tx, event.data.cityId);
    const next = applyCityEvent(current, event);
    if (next !== null) await this.cities.save(tx, next);
    return next !== null;
  }

  async lookup(ids: string[], tx?: Tx): Promise<Map<string, CityRecord>> {
    return this.cities.findByIds(ids, tx);
  }
}
