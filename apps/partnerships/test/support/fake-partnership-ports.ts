import { FakeOutbox, fakeTransactions } from '@c2c/service/testing';
import type { Tx } from '@c2c/persistence';
import type { CityRecord } from '@c2c/city-model';
import type { BestPracticeRecord } from '../../src/best-practice-model/best-practice-projection';
import type {
  ActivityRecord,
  HistoryEntry,
  PartnershipState,
} from '../../src/partnerships/partnership.types';
import type {
  BestPracticeStore,
  CityStore,
  OpenProposalStore,
  PartnershipStore,
} from '../../src/partnerships/usecases/ports';

// Fakes of the ports the partnership use cases depend on, for the unit tier. They keep what matters to
// the rules: copies (a use case's edits show only once recorded), and contract validation of events.

const copy = <T>(value: T): T => structuredClone(value);

export class FakePartnershipStore implements PartnershipStore, OpenProposalStore {
  readonly rows = new Map<string, PartnershipState>();
  readonly history: HistoryEntry[] = [];
  readonly activities: ActivityRecord[] = [];

  /** Puts a partnership in the store as if it had been recorded before. */
  given(state: PartnershipState): PartnershipState {
    this.rows.set(state.id, copy(state));
    return state;
  }

  findForUpdate(_tx: Tx, id: string): Promise<PartnershipState | null> {
    const state = this.rows.get(id);
    return Promise.resolve(state ? copy(state) : null);
  }

  insert(_tx: Tx, state: PartnershipState): Promise<void> {
    if (this.rows.has(state.id)) return Promise.reject(new Error(`duplicate partnership ${state.id}`));
    this.rows.set(state.id, copy(state));
    return Promise.resolve();
  }

  update(_tx: Tx, state: PartnershipState): Promise<void> {
    if (!this.rows.has(state.id)) return Promise.reject(new Error(`no partnership ${state.id}`));
    this.rows.set(state.id, copy(state));
    return Promise.resolve();
  }

  appendHistory(_tx: Tx, entries: HistoryEntry[]): Promise<void> {
    this.history.push(...copy(entries));
    return Promise.resolve();
  }

  insertActivity(_tx: Tx, record: ActivityRecord): Promise<void> {
    this.activities.push(copy(record));
    return Promise.resolve();
  }

  countOpenProposalsOf(_tx: Tx, cityId: string): Promise<number> {
    const open = [...this.rows.values()].filter(
      (p) => p.proposerCityId === cityId && p.status === 'proposed',
    );
    return Promise.resolve(open.length);
  }

  lockActiveIdsOfCity(_tx: Tx, cityId: string): Promise<string[]> {
    const ids = [...this.rows.values()]
      .filter((p) => p.status === 'active' && p.participants.some((c) => c.cityId === cityId))
      .map((p) => p.id)
      .sort();
    return Promise.resolve(ids);
  }
}

/** The city model as a map. */
export class FakeCityStore implements CityStore {
  readonly cities = new Map<string, CityRecord>();

  lookup(ids: string[]): Promise<Map<string, CityRecord>> {
    const found = ids.flatMap((id) => {
      const city = this.cities.get(id);
      return city === undefined ? [] : [[id, copy(city)] as const];
    });
    return Promise.resolve(new Map(found));
  }
}

/** The best-practice model as a map. */
export class FakeBestPracticeStore implements BestPracticeStore {
  readonly practices = new Map<string, BestPracticeRecord>();

  find(practiceId: string): Promise<BestPracticeRecord | null> {
    const practice = this.practices.get(practiceId);
    return Promise.resolve(practice === undefined ? null : copy(practice));
  }
}

export { FakeOutbox, fakeTransactions };
