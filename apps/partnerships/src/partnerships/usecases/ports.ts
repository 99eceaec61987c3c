import type { PartnershipStatus, PartnershipType } from '@c2c/contracts';
import type { Outbox } from '@c2c/messaging';
import type { TransactionRunner, Tx } from '@c2c/persistence';
import type { CityRecord } from '@c2c/city-model';
import type { BestPracticeRecord } from '../../best-practice-model/best-practice-projection';
import type {
  ActivityRecord,
  HistoryEntry,
  PartnershipState,
  RecordedHistoryEntry,
} from '../partnership.types';

// What the partnership use cases need from the world, as interfaces: the repository implements the
// stores, the city model the city lookups, and unit tests hand in small fakes without casts.

/** Injection token of the {@link PartnershipStore}. */
export const PARTNERSHIP_STORE = Symbol('PartnershipStore');
/** Injection token of the {@link PartnershipReadStore}. */
export const PARTNERSHIP_READ_STORE = Symbol('PartnershipReadStore');
/** Injection token of the {@link OpenProposalStore}. */
export const OPEN_PROPOSAL_STORE = Symbol('OpenProposalStore');
/** Injection token of the {@link ProposalLimits}. */
export const PROPOSAL_LIMITS = Symbol('ProposalLimits');
/** Injection token of the {@link CityStore}. */
export const CITY_STORE = Symbol('CityStore');
/** Injection token of the {@link BestPracticeStore}. */
export const BEST_PRACTICE_STORE = Symbol('BestPracticeStore');

export type Transactions = Pick<TransactionRunner, 'run'>;
export type EventOutbox = Pick<Outbox, 'add'>;

/** Where changes of partnerships are kept, always in the caller's transaction. */
export interface PartnershipStore {
  /** The partnership, its row locked until the transaction ends; null when there is none. */
  findForUpdate(tx: Tx, id: string): Promise<PartnershipState | null>;
  insert(tx: Tx, state: PartnershipState): Promise<void>;
  update(tx: Tx, state: PartnershipState): Promise<void>;
  appendHistory(tx: Tx, entries: HistoryEntry[]): Promise<void>;
  insertActivity(tx: Tx, record: ActivityRecord): Promise<void>;
  /** Ids of the active partnerships a city takes part in, locked (the reaction to its archiving). */
  lockActiveIdsOfCity(tx: Tx, cityId: string): Promise<string[]>;
}

/** Where a list resumes: strictly after this partnership, newest first. */
export interface PartnershipPosition {
  createdAt: string;
  id: string;
}

export interface PartnershipFilter {
  status?: PartnershipStatus;
  type?: PartnershipType;
  /** Only partnerships this city takes part in. */
  cityId?: string;
}

/** The read side: one partnership, a filtered list, a history. */
export interface PartnershipReadStore {
  findById(id: string): Promise<PartnershipState | null>;
  /** Newest first, at most `take`, after `after`. */
  list(filter: PartnershipFilter, take: number, after?: PartnershipPosition): Promise<PartnershipState[]>;
  /** A partnership's history, oldest first, at most `take`, after the entry at `afterPosition`. */
  history(partnershipId: string, take: number, afterPosition?: string): Promise<RecordedHistoryEntry[]>;
}

/** The cities this service knows from `c2c.cities.v1`. */
export interface CityStore {
  lookup(ids: string[], tx?: Tx): Promise<Map<string, CityRecord>>;
}

/** The best practices this service knows from `c2c.commissions.v1`. */
export interface BestPracticeStore {
  /** The practice as last heard of (in `tx` when given); null when no event of it has arrived. */
  find(practiceId: string, tx?: Tx): Promise<BestPracticeRecord | null>;
}

/** The proposals a city has waiting for answers. */
export interface OpenProposalStore {
  /**
   * How many partnerships this city proposed that are still \`proposed\`. Concurrent proposals by the
   * same city wait for this transaction to end, so two cannot both pass the limit.
   */
  countOpenProposalsOf(tx: Tx, cityId: string): Promise<number>;
}

export interface ProposalLimits {
  /** At most this many open proposals per proposing city. */
  readonly maxOpenPerCity: number;
}
