import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { decide, type MembershipRequest } from '../commission';
import { assertActsForCommission } from '../commission.policy';
import { membershipRejectedData, userRef } from '../commission.events';
import { loadPendingRequest, lockCommission } from '../membership.rules';
import {
  COMMISSION_STORE,
  MEMBERSHIP_REQUEST_STORE,
  type CommissionStore,
  type MembershipRequestStore,
  type EventOutbox,
  type Transactions,
} from './ports';

/** An officer of the commission (or the secretariat) turns an application down, saying why. */
@Injectable()
export class RejectMembershipRequest {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(COMMISSION_STORE) private readonly commissions: CommissionStore,
    @Inject(MEMBERSHIP_REQUEST_STORE) private readonly requests: MembershipRequestStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    commissionId: string,
    requestId: string,
    reason: string,
    expectedVersion?: number,
  ): Promise<MembershipRequest> {
    assertActsForCommission(user, commissionId, 'reject its membership requests');
    return this.transactions.run(async (tx) => {
      await lockCommission(this.commissions, tx, commissionId);
      const pending = await loadPendingRequest(this.requests, tx, commissionId, requestId, expectedVersion);
      const request = decide(pending, 'rejected', user.userId, this.clock.now(), reason);
      await this.requests.update(tx, request);
      await this.outbox.add(
        tx,
        'c2c.commission.membership-rejected.v1',
        membershipRejectedData(request, userRef(user)),
        { aggregateId: commissionId },
      );
      return request;
    });
  }
}
