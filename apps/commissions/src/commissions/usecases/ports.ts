import type { Outbox } from '@c2c/messaging';
import type { TransactionRunner, Tx } from '@c2c/persistence';
import type { CityRecord } from '@c2c/city-model';
import type {
  ActivePartnerships,
  Commission,
  CommissionView,
  Membership,
  MembershipRequest,
  RequestStatus,
} from '../commission';

// What the commission use cases need from the world, as interfaces: the repositories implement the
// stores, the city model the city lookups, and unit tests hand in small fakes without casts.

/** Injection token of the {@link CommissionStore}. */
export const COMMISSION_STORE = Symbol('CommissionStore');
/** Injection token of the {@link MembershipStore}. */
export const MEMBERSHIP_STORE = Symbol('MembershipStore');
/** Injection token of the {@link MembershipRequestStore}. */
export const MEMBERSHIP_REQUEST_STORE = Symbol('MembershipRequestStore');
/** Injection token of the {@link PartnershipCounts}. */
export const PARTNERSHIP_COUNTS = Symbol('PartnershipCounts');
/** Injection token of the {@link CityStore}. */
export const CITY_STORE = Symbol('CityStore');

export type Transactions = Pick<TransactionRunner, 'run'>;
export type EventOutbox = Pick<Outbox, 'add'>;

/** The commissions: three rows, changed only by the secretariat, locked by every membership change. */
export interface CommissionStore {
  /**
   * The commission, its row locked until the transaction ends: every change of its members takes this
   * lock first, so two decisions about one commission never interleave.
   */
  lockForChange(tx: Tx, id: string): Promise<Commission | null>;
  update(tx: Tx, commission: Commission): Promise<void>;
  /** The commission with its officers and member count; in `tx` when given (to answer a change). */
  findView(id: string, tx?: Tx): Promise<CommissionView | null>;
  /** All of them, by number. */
  listViews(): Promise<CommissionView[]>;
}

/** Where a list of memberships resumes: strictly after this one, oldest admission first. */
export interface MembershipPosition {
  joinedAt: string;
  id: string;
}

/** A membership with the names a reader needs. */
export interface MembershipView extends Membership {
  commissionName: string;
  /** Null while the city model has not heard of the city (an event still on its way). */
  cityName: string | null;
}

export interface MembershipFilter {
  commissionId?: string;
  cityId?: string;
}

export interface MembershipStore {
  /** The city's active membership of the commission, locked; null when it is not a member. */
  findActive(tx: Tx, commissionId: string, cityId: string): Promise<Membership | null>;
  /** Every active membership of the commission, locked (a change of officers). */
  lockActiveOfCommission(tx: Tx, commissionId: string): Promise<Membership[]>;
  /** Every active membership of the city, locked (the reaction to its archiving). */
  lockActiveOfCity(tx: Tx, cityId: string): Promise<Membership[]>;
  insert(tx: Tx, membership: Membership): Promise<void>;
  update(tx: Tx, membership: Membership): Promise<void>;
  findView(id: string, tx?: Tx): Promise<MembershipView | null>;
  /** Active memberships, oldest admission first, at most `take`, after `after`. */
  listActive(filter: MembershipFilter, take: number, after?: MembershipPosition): Promise<MembershipView[]>;
  /** The commissions the city is a member of or has applied to: what its archiving must lock. */
  commissionIdsOfCity(tx: Tx, cityId: string): Promise<string[]>;
}

/** Where a list of requests resumes: strictly after this one, newest first. */
export interface RequestPosition {
  createdAt: string;
  id: string;
}

export interface MembershipRequestStore {
  findForUpdate(tx: Tx, id: string): Promise<MembershipRequest | null>;
  /** The city's pending request to the commission; null when there is none. */
  findPending(tx: Tx, commissionId: string, cityId: string): Promise<MembershipRequest | null>;
  /** Every pending request of the city, locked (the reaction to its archiving). */
  lockPendingOfCity(tx: Tx, cityId: string): Promise<MembershipRequest[]>;
  insert(tx: Tx, request: MembershipRequest): Promise<void>;
  update(tx: Tx, request: MembershipRequest): Promise<void>;
  findById(id: string): Promise<MembershipRequest | null>;
  /** A commission's requests, newest first, at most `take`, after `after`. */
  list(
    commissionId: string,
    status: RequestStatus | undefined,
    take: number,
    after?: RequestPosition,
  ): Promise<MembershipRequest[]>;
}

/** The cities this service knows from `c2c.cities.v1`. */
export interface CityStore {
  /**
   * The city, share-locked until the transaction ends, so its archiving (which takes the row for
   * update) waits for a decision about it, and the decision sees the city as it is; null when unknown.
   */
  lockForDecision(tx: Tx, cityId: string): Promise<CityRecord | null>;
  /** The known cities among `ids`, read in `tx`; unknown ids are absent. */
  known(tx: Tx, ids: string[]): Promise<Map<string, CityRecord>>;
}

/** What the partnership read model (from c2c.partnerships.v1) tells a commission's page. */
export interface PartnershipCounts {
  /** The active partnerships of the commission's current member cities, by cooperation area. */
  activeOfMembers(commissionId: string): Promise<ActivePartnerships>;
}
