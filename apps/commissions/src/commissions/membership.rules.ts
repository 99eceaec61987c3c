import type { Tx } from '@c2c/persistence';
import type { CityRecord } from '@c2c/city-model';
import type { Commission, MembershipRequest } from './commission';
import { CommissionError } from './commission.errors';
import type { CityStore, CommissionStore, MembershipRequestStore } from './usecases/ports';

/** Why the city may not join a commission, or null when it may: only active AMF member cities join. */
export function ineligibility(city: CityRecord | null): string | null {
  if (city === null || city.name === null) return 'this service does not know the city (yet)';
  if (city.archivedAt !== null) return 'the city is archived';
  if (city.membershipStatus !== 'member') {
    return `the city is not an AMF member (its status is ${city.membershipStatus ?? 'unknown'})`;
  }
  return null;
}

/** Refuses a city that may not join, holding its record until the transaction ends. */
export async function assertEligible(cities: CityStore, tx: Tx, cityId: string): Promise<void> {
  const why = ineligibility(await cities.lockForDecision(tx, cityId));
  if (why !== null) throw CommissionError.cityNotEligible(cityId, why);
}

/** The commission, locked for a change of its members; 404 when there is none. */
export async function lockCommission(commissions: CommissionStore, tx: Tx, id: string): Promise<Commission> {
  const commission = await commissions.lockForChange(tx, id);
  if (commission === null) throw CommissionError.commissionNotFound(id);
  return commission;
}

/**
 * A pending request of this commission, locked, at the version the caller expects (when it says one).
 * A request of another commission is not found here: the path names the commission it belongs to.
 */
export async function loadPendingRequest(
  requests: MembershipRequestStore,
  tx: Tx,
  commissionId: string,
  id: string,
  expectedVersion: number | undefined,
): Promise<MembershipRequest> {
  const request = await requests.findForUpdate(tx, id);
  if (request === null || request.commissionId !== commissionId) {
    throw CommissionError.requestNotFound(commissionId, id);
  }
  if (expectedVersion !== undefined && expectedVersion !== request.version) {
    throw CommissionError.versionMismatch(`membership request ${id}`, request.version);
  }
  if (request.status !== 'pending') throw CommissionError.requestDecided(id, request.status);
  return request;
}
