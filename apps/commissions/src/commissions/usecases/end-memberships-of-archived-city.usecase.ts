import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { CITY_ARCHIVED_REASON, decide, endMembership } from '../commission';
import {
  COMMISSION_STORE,
  MEMBERSHIP_REQUEST_STORE,
  MEMBERSHIP_STORE,
  type CommissionStore,
  type MembershipRequestStore,
  type MembershipStore,
} from './ports';

export interface ArchivedCityOutcome {
  membershipsEnded: number;
  requestsEnded: number;
}

/**
 * The reaction to `c2c.city.archived.v1`: the city leaves every commission, by the platform, and its
 * pending applications end. Runs in the consumer's transaction, which also records the event as applied,
 * so a redelivery finds nothing left to end.
 */
@Injectable()
export class EndMembershipsOfArchivedCity {
  constructor(
    @Inject(COMMISSION_STORE) private readonly commissions: CommissionStore,
    @Inject(MEMBERSHIP_STORE) private readonly memberships: MembershipStore,
    @Inject(MEMBERSHIP_REQUEST_STORE) private readonly requests: MembershipRequestStore,
    private readonly clock: Clock,
  ) {}

  async execute(tx: Tx, cityId: string): Promise<ArchivedCityOutcome> {
    // Commissions first, in id order, as every use case locks them before their members: no deadlock
    // with an officer deciding about this city at the same moment.
    const locked = new Map<string, Awaited<ReturnType<CommissionStore['lockForChange']>>>();
    for (const commissionId of await this.memberships.commissionIdsOfCity(tx, cityId)) {
      locked.set(commissionId, await this.commissions.lockForChange(tx, commissionId));
    }
    const now = this.clock.now();
    const memberships = await this.memberships.lockActiveOfCity(tx, cityId);
    for (const membership of memberships) {
      await this.memberships.update(tx, endMembership(membership, 'ended', now, CITY_ARCHIVED_REASON));
      const commission = locked.get(membership.commissionId);
      // An officer's seat goes with the membership: the commission's officers changed.
      if (membership.role !== 'member' && commission) {
        await this.commissions.update(tx, { ...commission, version: commission.version + 1, updatedAt: now });
      }
    }
    const requests = await this.requests.lockPendingOfCity(tx, cityId);
    for (const request of requests) {
      await this.requests.update(tx, decide(request, 'ended', null, now, CITY_ARCHIVED_REASON));
    }
    return { membershipsEnded: memberships.length, requestsEnded: requests.length };
  }
}
