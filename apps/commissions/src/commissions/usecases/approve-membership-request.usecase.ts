import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { dayOf, decide, type Membership, type MembershipRequest } from '../commission';
import { CommissionError } from '../commission.errors';
import { assertActsForCommission } from '../commission.policy';
import { memberAdmittedData, userRef } from '../commission.events';
import { assertEligible, loadPendingRequest, lockCommission } from '../membership.rules';
import {
  CITY_STORE,
  COMMISSION_STORE,
  MEMBERSHIP_REQUEST_STORE,
  MEMBERSHIP_STORE,
  type CityStore,
  type CommissionStore,
  type MembershipRequestStore,
  type MembershipStore,
  type EventOutbox,
  type Transactions,
} from './ports';

export interface Admission {
  request: MembershipRequest;
  membership: Membership;
}

/**
 * An officer of the commission (or the secretariat) admits the applicant as a member. The city must
 * still be an active AMF member: its status may have changed while the request waited.
 */
@Injectable()
export class ApproveMembershipRequest {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(COMMISSION_STORE) private readonly commissions: CommissionStore,
    @Inject(MEMBERSHIP_STORE) private readonly memberships: MembershipStore,
    @Inject(MEMBERSHIP_REQUEST_STORE) private readonly requests: MembershipRequestStore,
    @Inject(CITY_STORE) private readonly cities: CityStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    commissionId: string,
    requestId: string,
    expectedVersion?: number,
  ): Promise<Admission> {
    assertActsForCommission(user, commissionId, 'approve its membership requests');
    return this.transactions.run(async (tx) => {
      await lockCommission(this.commissions, tx, commissionId);
      const pending = await loadPendingRequest(this.requests, tx, commissionId, requestId, expectedVersion);
      await assertEligible(this.cities, tx, pending.cityId);
      if ((await this.memberships.findActive(tx, commissionId, pending.cityId)) !== null) {
        throw CommissionError.alreadyMember(commissionId, pending.cityId);
      }
      const now = this.clock.now();
      const request = decide(pending, 'approved', user.userId, now, null);
      const membership: Membership = {
        id: randomUUID(),
        commissionId,
        cityId: pending.cityId,
        role: 'member',
        since: dayOf(now),
        joinedAt: now,
        requestId,
        status: 'active',
        endedAt: null,
        endReason: null,
        version: 1,
        updatedAt: now,
      };
      await this.requests.update(tx, request);
      await this.memberships.insert(tx, membership);
      await this.outbox.add(
        tx,
        'c2c.commission.member-admitted.v1',
        memberAdmittedData(membership, requestId, userRef(user)),
        { aggregateId: commissionId },
      );
      return { request, membership };
    });
  }
}
