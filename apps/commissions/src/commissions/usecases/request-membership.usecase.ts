import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import type { MembershipRequest } from '../commission';
import { CommissionError } from '../commission.errors';
import { assertActsForCity } from '../commission.policy';
import { membershipRequestedData, userRef } from '../commission.events';
import { assertEligible, lockCommission } from '../membership.rules';
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

export interface RequestMembershipCommand {
  cityId: string;
  motivation: string;
}

/** A city applies to join a commission: only an active AMF member, never twice, never as a member. */
@Injectable()
export class RequestMembership {
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
    command: RequestMembershipCommand,
  ): Promise<MembershipRequest> {
    const { cityId } = command;
    assertActsForCity(user, cityId, 'apply to a commission');
    return this.transactions.run(async (tx) => {
      await lockCommission(this.commissions, tx, commissionId);
      await assertEligible(this.cities, tx, cityId);
      if ((await this.memberships.findActive(tx, commissionId, cityId)) !== null) {
        throw CommissionError.alreadyMember(commissionId, cityId);
      }
      const pending = await this.requests.findPending(tx, commissionId, cityId);
      if (pending !== null) throw CommissionError.alreadyApplied(commissionId, cityId, pending.id);
      const now = this.clock.now();
      const request: MembershipRequest = {
        id: randomUUID(),
        commissionId,
        cityId,
        motivation: command.motivation,
        status: 'pending',
        requestedBy: user.userId,
        decidedBy: null,
        decidedAt: null,
        reason: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await this.requests.insert(tx, request);
      await this.outbox.add(
        tx,
        'c2c.commission.membership-requested.v1',
        membershipRequestedData(request, userRef(user)),
        { aggregateId: commissionId },
      );
      return request;
    });
  }
}
