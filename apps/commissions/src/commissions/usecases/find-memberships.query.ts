import { Inject, Injectable } from '@nestjs/common';
import { cursorOf, type Page, pageOf } from '@c2c/platform';
import { CommissionError } from '../commission.errors';
import {
  COMMISSION_STORE,
  MEMBERSHIP_STORE,
  type CommissionStore,
  type MembershipFilter,
  type MembershipStore,
  type MembershipView,
} from './ports';

/** Oldest admission first: the (joinedAt, id) of the last membership of the page before. */
const MEMBERSHIP_CURSOR = cursorOf({ joinedAt: 'timestamp', id: 'uuid' });

/** Current memberships: a commission's members, or a city's commissions (the city dossier). */
@Injectable()
export class FindMemberships {
  constructor(
    @Inject(MEMBERSHIP_STORE) private readonly memberships: MembershipStore,
    @Inject(COMMISSION_STORE) private readonly commissions: CommissionStore,
  ) {}

  /** A commission's members; 404 for a commission that does not exist (an empty page would hide it). */
  async membersOf(commissionId: string, limit: number, cursor?: string): Promise<Page<MembershipView>> {
    if ((await this.commissions.findView(commissionId)) === null) {
      throw CommissionError.commissionNotFound(commissionId);
    }
    return this.page({ commissionId }, limit, cursor);
  }

  /** `cursor` is the `nextCursor` of the page before; one row more than asked tells if another follows. */
  async page(filter: MembershipFilter, limit: number, cursor?: string): Promise<Page<MembershipView>> {
    const after = cursor === undefined ? undefined : MEMBERSHIP_CURSOR.decode(cursor);
    const rows = await this.memberships.listActive(filter, limit + 1, after);
    return pageOf(rows, limit, (last) => ({ joinedAt: last.joinedAt.toISOString(), id: last.id }));
  }
}
