import { Inject, Injectable } from '@nestjs/common';
import { Outbox } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { CITY_ARCHIVED_REASON, decide, endMembership } from '../commission';
import { addChairChanged, memberLeftData, membershipRejectedData } from '../commission.events';
import {
  COMMISSION_STORE,
  MEMBERSHIP_REQUEST_STORE,
  MEMBERSHIP_STORE,
  type CommissionStore,
  type MembershipRequestStore,
  type EventOutbox,
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
    @Inject(Outbox) private readonly outbox: EventOutbox,
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
      const ended = endMembership(membership, 'ended', now, CITY_ARCHIVED_REASON);
      await this.memberships.update(tx, ended);
      await this.outbox.add(tx, 'c2c.commission.member-left.v1', memberLeftData(ended, 'city-archived'), {
        aggregateId: membership.commissionId,
      });
      const commission = locked.get(membership.commissionId);
      // An officer's seat goes with the membership: the commission's officers changed.
      if (membership.role !== 'member' && commission) {
        await this.commissions.update(tx, { ...commission, version: commission.version + 1, updatedAt: now });
        await addChairChanged(this.outbox, this.commissions, tx, membership.commissionId, undefined);
      }
    }
    const requests = await this.requests.lockPendingOfCity(tx, cityId);
    for (const request of requests) {
      const ended = decide(request, 'ended', null, now, CITY_ARCHIVED_REASON);
      await this.requests.update(tx, ended);
      await this.outbox.add(
        tx,
        'c2c.commission.membership-rejected.v1',
        membershipRejectedData(ended, undefined),
        {
          aggregateId: request.commissionId,
        },
      );
    }
    return { membershipsEnded: memberships.length, requestsEnded: requests.length };
  }
}
