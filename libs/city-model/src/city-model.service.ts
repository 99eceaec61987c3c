import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { RejectedEvent } from '@c2c/messaging';
import { CityModelRepository } from './city-model.repository';
import { applyCityEvent, CityEvent, CityRecord, implausibleSequence } from './city-projection';

/** The service's local knowledge of cities: fed by their events, asked by its domain rules. */
@Injectable()
export class CityModel {
  constructor(private readonly cities: CityModelRepository) {}

  /**
   * Applies an event in the consumer's transaction; true when it changed the model. An implausible
   * sequence is refused as poison (`RejectedEvent`: dead-lettered at once, nothing applied), by the
   * live consumer and by a rebuild alike, so a forged one never reaches the model.
   */
  async apply(tx: Tx, event: CityEvent): Promise<boolean> {
    const current = await this.cities.lockOrCreate(tx, event.data.cityId);
    const problem = implausibleSequence(current, event);
    if (problem !== null) throw new RejectedEvent(problem);
    const next = applyCityEvent(current, event);
    if (next !== null) await this.cities.save(tx, next);
    return next !== null;
  }

  /** The known cities among `ids`, by id (in `tx` when given); unknown ids are absent. */
  async lookup(ids: string[], tx?: Tx): Promise<Map<string, CityRecord>> {
    return this.cities.findByIds(ids, tx);
  }

  /** The known cities of these names, for jobs that name cities (demo data); an id is better. */
  async findByNames(names: string[]): Promise<CityRecord[]> {
    return this.cities.findByNames(names);
  }

  /**
   * The city, share-locked until `tx` ends; null when unknown. A change to the city (its archiving)
   * takes the row for update, so it waits for a decision that holds this lock, and the decision sees
   * the city as it is.
   */
  async lockForShare(tx: Tx, cityId: string): Promise<CityRecord | null> {
    return this.cities.findForShare(tx, cityId);
  }
}
