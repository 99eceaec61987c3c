import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner, type Tx } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { type Commission, type CommissionView, type MemberRole, roleFor } from '../commission';
import { CommissionError } from '../commission.errors';
import { assertSecretariat } from '../commission.policy';
import { addChairChanged, userRef } from '../commission.events';
import { lockCommission } from '../membership.rules';
import {
  COMMISSION_STORE,
  MEMBERSHIP_STORE,
  type CommissionStore,
  type MembershipStore,
  type EventOutbox,
  type Transactions,
} from './ports';

/** What the secretariat may change; a field left out keeps its value. */
export interface UpdateCommissionCommand {
  mandate?: string;
  mandateStartsOn?: string | null;
  mandateEndsOn?: string | null;
  /** null: the commission has no chair. */
  chairCityId?: string | null;
  viceChairCityIds?: string[];
}

/** The secretariat sets a commission's mandate, its period, its chair and vice-chairs (member cities only). */
@Injectable()
export class UpdateCommission {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(COMMISSION_STORE) private readonly commissions: CommissionStore,
    @Inject(MEMBERSHIP_STORE) private readonly memberships: MembershipStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    command: UpdateCommissionCommand,
    expectedVersion: number | undefined,
  ): Promise<CommissionView> {
    assertSecretariat(user, 'change a commission');
    return this.transactions.run(async (tx) => {
      const commission = await lockCommission(this.commissions, tx, id);
      if (expectedVersion !== undefined && expectedVersion !== commission.version) {
        throw CommissionError.versionMismatch(`commission ${id}`, commission.version);
      }
      const changed = withMandate(commission, command);
      const rolesChanged = await this.changeOfficers(tx, commission, command);
      const now = this.clock.now();
      if (rolesChanged || changed !== commission) {
        await this.commissions.update(tx, { ...changed, version: commission.version + 1, updatedAt: now });
      }
      if (rolesChanged) await addChairChanged(this.outbox, this.commissions, tx, id, userRef(user));
      const view = await this.commissions.findView(id, tx);
      if (view === null) throw CommissionError.commissionNotFound(id);
      return view;
    });
  }

  /** Gives every member the role the command names for it; true when any role changed. */
  private async changeOfficers(
    tx: Tx,
    commission: Commission,
    command: UpdateCommissionCommand,
  ): Promise<boolean> {
    if (command.chairCityId === undefined && command.viceChairCityIds === undefined) return false;
    const members = await this.memberships.lockActiveOfCommission(tx, commission.id);
    const current = (role: MemberRole) => members.filter((m) => m.role === role).map((m) => m.cityId);
    const chair = command.chairCityId === undefined ? (current('chair')[0] ?? null) : command.chairCityId;
    const viceChairs = command.viceChairCityIds ?? current('vice-chair');
    if (chair !== null && viceChairs.includes(chair)) {
      throw CommissionError.rules([
        { field: 'viceChairCityIds', message: 'the chair is not also a vice-chair' },
      ]);
    }
    const memberIds = new Set(members.map((m) => m.cityId));
    const outside = [
      { field: 'chairCityId', cityIds: chair === null || memberIds.has(chair) ? [] : [chair] },
      { field: 'viceChairCityIds', cityIds: viceChairs.filter((cityId) => !memberIds.has(cityId)) },
    ].filter((entry) => entry.cityIds.length > 0);
    if (outside.length > 0) throw CommissionError.citiesNotMembers(commission.id, outside);
    const now = this.clock.now();
    const changes = members
      .map((member) => ({ member, role: roleFor(member.cityId, chair, viceChairs) }))
      .filter(({ member, role }) => role !== member.role);
    // The new chair last: the one-chair index must never see two chairs, even between two statements.
    changes.sort((a, b) => Number(a.role === 'chair') - Number(b.role === 'chair'));
    for (const { member, role } of changes) {
      await this.memberships.update(tx, { ...member, role, version: member.version + 1, updatedAt: now });
    }
    return changes.length > 0;
  }
}

function withMandate(commission: Commission, command: UpdateCommissionCommand): Commission {
  const next: Commission = {
    ...commission,
    mandate: command.mandate ?? commission.mandate,
    mandateStartsOn:
      command.mandateStartsOn === undefined ? commission.mandateStartsOn : command.mandateStartsOn,
    mandateEndsOn: command.mandateEndsOn === undefined ? commission.mandateEndsOn : command.mandateEndsOn,
  };
  if (
    next.mandateStartsOn !== null &&
    next.mandateEndsOn !== null &&
    next.mandateEndsOn < next.mandateStartsOn
  ) {
    throw CommissionError.rules([
      { field: 'mandateEndsOn', message: 'the mandate ends on or after the day it starts' },
    ]);
  }
  const same =
    next.mandate === commission.mandate &&
    next.mandateStartsOn === commission.mandateStartsOn &&
    next.mandateEndsOn === commission.mandateEndsOn;
  return same ? commission : next;
}
