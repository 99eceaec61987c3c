import { validateEventData, type EventData, type EventEnvelopeOf, type EventType } from '@c2c/contracts';
import type { OutboxAddOptions } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import {
  DuplicateCityKey,
  type CityListFilter,
  type CityPosition,
  type CityStore,
} from '../../src/cities/cities.repository';
import { nameKeyOf, searchTextOf } from '../../src/cities/city-names';
import type { CityEntity } from '../../src/cities/city.entity';
import type { EventOutbox, Transactions } from '../../src/cities/usecases/ports';

// Fakes of the ports the city use cases depend on, for the unit tier. They keep what matters to the
// rules: copies (a use case's edits show only once saved), the unique key, and contract validation.

const copy = (city: CityEntity): CityEntity => structuredClone(city);

export class FakeCityStore implements CityStore {
  readonly rows = new Map<string, CityEntity>();

  findById(id: string): Promise<CityEntity | null> {
    const city = this.rows.get(id);
    return Promise.resolve(city ? copy(city) : null);
  }

  findByIdForUpdate(_tx: Tx, id: string): Promise<CityEntity | null> {
    return this.findById(id);
  }

  findByKey(countryCode: string, name: string): Promise<CityEntity | null> {
    const found = [...this.rows.values()].find(
      (c) => c.countryCode === countryCode && c.nameKey === nameKeyOf(name),
    );
    return Promise.resolve(found ? copy(found) : null);
  }

  insert(_tx: Tx, city: CityEntity): Promise<void> {
    return this.save(city);
  }

  update(_tx: Tx, city: CityEntity): Promise<void> {
    return this.save(city);
  }

  list(_tx: Tx, filter: CityListFilter, limit: number, after?: CityPosition): Promise<CityEntity[]> {
    const rows = [...this.rows.values()]
      .filter((c) => filter.includeArchived || c.archivedAt === null)
      .filter((c) => !filter.countryCode || c.countryCode === filter.countryCode)
      .filter((c) => !filter.text || c.searchText.includes(filter.text))
      .sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1))
      .filter((c) => !after || c.name > after.name || (c.name === after.name && c.id > after.id));
    return Promise.resolve(rows.slice(0, limit).map(copy));
  }

  private save(city: CityEntity): Promise<void> {
    const stored = { ...copy(city), nameKey: nameKeyOf(city.name), searchText: searchTextOf(city) };
    const clash = [...this.rows.values()].some(
      (c) => c.id !== city.id && c.countryCode === stored.countryCode && c.nameKey === stored.nameKey,
    );
    if (clash) return Promise.reject(new DuplicateCityKey('duplicate'));
    this.rows.set(city.id, stored);
    return Promise.resolve();
  }
}

export interface RecordedEvent {
  type: EventType;
  data: unknown;
  aggregateId: string;
}

/** Records what would be written to the outbox, refusing what the real one refuses: invalid data. */
export class FakeOutbox implements EventOutbox {
  readonly events: RecordedEvent[] = [];

  add<T extends EventType>(
    _tx: Tx,
    type: T,
    data: EventData<T>,
    options: OutboxAddOptions,
  ): Promise<EventEnvelopeOf<T>> {
    const validation = validateEventData(type, data);
    if (!validation.ok) return Promise.reject(new Error(`${type}: ${JSON.stringify(validation.errors)}`));
    this.events.push({ type, data, aggregateId: options.aggregateId });
    return Promise.resolve({} as EventEnvelopeOf<T>);
  }

  ofType<T extends EventType>(type: T): EventData<T>[] {
    return this.events.filter((event) => event.type === type).map((event) => event.data as EventData<T>);
  }
}

/** Runs the work at once; the fakes have no transactions to open. */
export const fakeTransactions: Transactions = {
  run: <T>(work: (tx: Tx) => Promise<T>) => work({} as Tx),
};
