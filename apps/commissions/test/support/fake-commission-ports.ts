import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser, Role } from '@c2c/auth';
import type { Tx } from '@c2c/persistence';
import { type CityRecord, emptyCityRecord } from '@c2c/city-model';
import {
  COMMISSION_IDS,
  type Commission,
  type CommissionView,
  type Membership,
  type MembershipRequest,
  type RequestStatus,
} from '../../src/commissions/commission';
import { CommissionError } from '../../src/commissions/commission.errors';
import type {
  CityStore,
  CommissionStore,
  MembershipFilter,
  MembershipRequestStore,
  MembershipStore,
  MembershipView,
} from '../../src/commissions/usecases/ports';

// The unit tier's stores: one in-memory state behind every port, so a use case sees its own writes as
// it would in its transaction. Copies go in and out, so a use case cannot change what it did not save.

const copy = <T extends object>(value: T): T => structuredClone(value);

export class FakeCommissionState implements MembershipRequestStore, CityStore {
  readonly commissions = new Map<string, Commission>();
  readonly memberships = new Map<string, Membership>();
  readonly requests = new Map<string, MembershipRequest>();
  readonly cities = new Map<string, CityRecord>();

  constructor(at: Date) {
    for (const [number, id] of Object.entries(COMMISSION_IDS)) {
      this.commissions.set(id, {
        id,
        number: Number(number),
        name: `Commission ${number}`,
        mandate: 'A mandate.',
        mandateStartsOn: null,
        mandateEndsOn: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
    }
  }

  // CommissionStore
  lockForChange(_tx: Tx, id: string): Promise<Commission | null> {
    const found = this.commissions.get(id);
    return Promise.resolve(found ? copy(found) : null);
  }
  update(_tx: Tx, value: Commission | Membership | MembershipRequest): Promise<void> {
    if ('number' in value) this.commissions.set(value.id, copy(value));
    else if ('joinedAt' in value) this.memberships.set(value.id, copy(value));
    else this.requests.set(value.id, copy(value));
    return Promise.resolve();
  }

  // MembershipStore
  findActive(_tx: Tx, commissionId: string, cityId: string): Promise<Membership | null> {
    const found = this.active().find((m) => m.commissionId === commissionId && m.cityId === cityId);
    return Promise.resolve(found ? copy(found) : null);
  }
  lockActiveOfCommission(_tx: Tx, commissionId: string): Promise<Membership[]> {
    return Promise.resolve(
      this.active()
        .filter((m) => m.commissionId === commissionId)
        .map(copy),
    );
  }
  lockActiveOfCity(_tx: Tx, cityId: string): Promise<Membership[]> {
    return Promise.resolve(
      this.active()
        .filter((m) => m.cityId === cityId)
        .map(copy),
    );
  }
  insert(_tx: Tx, value: Membership | MembershipRequest): Promise<void> {
    if ('joinedAt' in value) {
      if (this.active().some((m) => m.commissionId === value.commissionId && m.cityId === value.cityId)) {
        return Promise.reject(new Error('memberships_active_uq'));
      }
      this.memberships.set(value.id, copy(value));
    } else {
      this.requests.set(value.id, copy(value));
    }
    return Promise.resolve();
  }
  listActive(filter: MembershipFilter, take: number): Promise<MembershipView[]> {
    return Promise.resolve(
      this.active()
        .filter((m) => filter.cityId === undefined || m.cityId === filter.cityId)
        .filter((m) => filter.commissionId === undefined || m.commissionId === filter.commissionId)
        .slice(0, take)
        .map((m) => ({ ...copy(m), commissionName: '', cityName: this.cities.get(m.cityId)?.name ?? null })),
    );
  }
  commissionIdsOfCity(_tx: Tx, cityId: string): Promise<string[]> {
    const ids = [
      ...this.active().filter((m) => m.cityId === cityId),
      ...[...this.requests.values()].filter((r) => r.cityId === cityId && r.status === 'pending'),
    ].map((x) => x.commissionId);
    return Promise.resolve([...new Set(ids)].sort());
  }

  // MembershipRequestStore
  findForUpdate(_tx: Tx, id: string): Promise<MembershipRequest | null> {
    const found = this.requests.get(id);
    return Promise.resolve(found ? copy(found) : null);
  }
  findPending(_tx: Tx, commissionId: string, cityId: string): Promise<MembershipRequest | null> {
    const found = this.pending().find((r) => r.commissionId === commissionId && r.cityId === cityId);
    return Promise.resolve(found ? copy(found) : null);
  }
  lockPendingOfCity(_tx: Tx, cityId: string): Promise<MembershipRequest[]> {
    return Promise.resolve(
      this.pending()
        .filter((r) => r.cityId === cityId)
        .map(copy),
    );
  }
  findById(id: string): Promise<MembershipRequest | null> {
    const found = this.requests.get(id);
    return Promise.resolve(found ? copy(found) : null);
  }
  list(commissionId: string, status: RequestStatus | undefined, take: number): Promise<MembershipRequest[]> {
    return Promise.resolve(
      [...this.requests.values()]
        .filter((r) => r.commissionId === commissionId && (status === undefined || r.status === status))
        .slice(0, take)
        .map(copy),
    );
  }

  // CityStore
  lockForDecision(_tx: Tx, cityId: string): Promise<CityRecord | null> {
    const found = this.cities.get(cityId);
    return Promise.resolve(found ? copy(found) : null);
  }
  known(_tx: Tx, ids: string[]): Promise<Map<string, CityRecord>> {
    const found = ids.flatMap((id) => {
      const city = this.cities.get(id);
      return city ? [[id, copy(city)] as const] : [];
    });
    return Promise.resolve(new Map(found));
  }

  /** A known city, an active AMF member unless said otherwise. */
  city(name: string, overrides: Partial<CityRecord> = {}): CityRecord {
    const record = {
      ...emptyCityRecord(randomUUID()),
      name,
      countryCode: 'JP',
      membershipStatus: 'member' as const,
      ...overrides,
    };
    this.cities.set(record.cityId, record);
    return record;
  }

  viewOf(id: string): CommissionView | null {
    const commission = this.commissions.get(id);
    if (!commission) return null;
    const members = this.active().filter((m) => m.commissionId === id);
    return {
      ...copy(commission),
      chairCityId: members.find((m) => m.role === 'chair')?.cityId ?? null,
      viceChairCityIds: members.filter((m) => m.role === 'vice-chair').map((m) => m.cityId),
      memberCount: members.length,
    };
  }

  active(): Membership[] {
    return [...this.memberships.values()].filter((m) => m.status === 'active');
  }

  private pending(): MembershipRequest[] {
    return [...this.requests.values()].filter((r) => r.status === 'pending');
  }
}

/** The state seen through each port; the two `findView`s answer differently, so each port has its own. */
export function portsOf(state: FakeCommissionState) {
  const commissions: CommissionStore = {
    lockForChange: (tx, id) => state.lockForChange(tx, id),
    update: (tx, commission) => state.update(tx, commission),
    findView: (id) => Promise.resolve(state.viewOf(id)),
    listViews: () =>
      Promise.resolve(
        [...state.commissions.keys()].flatMap((id) => {
          const view = state.viewOf(id);
          return view === null ? [] : [view];
        }),
      ),
  };
  const memberships: MembershipStore = {
    findActive: (tx, commissionId, cityId) => state.findActive(tx, commissionId, cityId),
    lockActiveOfCommission: (tx, id) => state.lockActiveOfCommission(tx, id),
    lockActiveOfCity: (tx, id) => state.lockActiveOfCity(tx, id),
    insert: (tx, membership) => state.insert(tx, membership),
    update: (tx, membership) => state.update(tx, membership),
    findView: (id) => {
      const found = state.memberships.get(id);
      return Promise.resolve(found ? { ...copy(found), commissionName: '', cityName: null } : null);
    },
    listActive: (filter, take) => state.listActive(filter, take),
    commissionIdsOfCity: (tx, cityId) => state.commissionIdsOfCity(tx, cityId),
  };
  const requests: MembershipRequestStore = state;
  const cities: CityStore = state;
  return { commissions, memberships, requests, cities };
}

export const userWith = (
  roles: Role[],
  scope: { cityId?: string; commissionIds?: string[] } = {},
): AuthenticatedUser => ({
  userId: randomUUID(),
  email: 'someone@c2c.local',
  roles,
  ...(scope.cityId === undefined ? {} : { cityId: scope.cityId }),
  commissionIds: scope.commissionIds ?? [],
  issuer: 'urn:c2c:gateway',
});
export const secretariat = () => userWith(['secretariat']);
export const observer = () => userWith(['observer']);
export const cityOfficer = (cityId: string) => userWith(['city-officer'], { cityId });
export const commissionOfficer = (...commissionIds: string[]) =>
  userWith(['commission-officer'], { commissionIds });

/** What a refused promise threw, checked to be a CommissionError. */
export async function refusal(promise: Promise<unknown>): Promise<CommissionError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CommissionError);
  return error as CommissionError;
}
