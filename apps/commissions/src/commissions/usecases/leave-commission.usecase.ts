import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { endMembership, type Membership } from '../commission';
import { CommissionError } from '../commission.errors';
import { assertActsForCity } from '../commission.policy';
import { addChairChanged, memberLeftData } from '../commission.events';
import { lockCommission } from '../membership.rules';
import {
  COMMISSION_STORE,
  MEMBERSHIP_STORE,
  type CommissionStore,
  type MembershipStore,
  type EventOutbox,
  type Transactions,
} from './ports';

/**
 * A member city leaves (its officer, or the secretariat for it). A chair or vice-chair that leaves gives
 * up the office with the seat, so the commission's officers change and its version moves on.
 */
@Injectable()
export class LeaveCommission {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(COMMISSION_STORE) private readonly commissions: CommissionStore,
    @Inject(MEMBERSHIP_STORE) private readonly memberships: MembershipStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    commissionId: string,
    cityId: string,
    reason: string | null,
    expectedVersion?: number,
  ): Promise<Membership> {
    assertActsForCity(user, cityId, 'leave a commission');
    return this.transactions.run(async (tx) => {
      const commission = await lockCommission(this.commissions, tx, commissionId);
      const membership = await this.memberships.findActive(tx, commissionId, cityId);
      if (membership === null) throw CommissionError.membershipNotFound(commissionId, cityId);
      if (expectedVersion !== undefined && expectedVersion !== membership.version) {
        throw CommissionError.versionMismatch(`the membership of city ${cityId}`, membership.version);
      }
      const now = this.clock.now();
      const left = endMembership(membership, 'left', now, reason);
      await this.memberships.update(tx, left);
      await this.outbox.add(tx, 'c2c.commission.member-left.v1', memberLeftData(left, 'left'), {
        aggregateId: commissionId,
      });
      if (membership.role !== 'member') {
        await this.commissions.update(tx, { ...commission, version: commission.version + 1, updatedAt: now });
        await addChairChanged(this.outbox, this.commissions, tx, commissionId, undefined);
      }
      return left;
    });
  }
}
