import { Inject, Injectable } from '@nestjs/common';
import type { CommissionPage, CommissionView } from '../commission';
import { CommissionError } from '../commission.errors';
import { COMMISSION_STORE, type CommissionStore, PARTNERSHIP_COUNTS, type PartnershipCounts } from './ports';

/** Reads for anyone who may read: the three commissions, or one with its members' partnerships. */
@Injectable()
export class FindCommissions {
  constructor(
    @Inject(COMMISSION_STORE) private readonly commissions: CommissionStore,
    @Inject(PARTNERSHIP_COUNTS) private readonly partnerships: PartnershipCounts,
  ) {}

  all(): Promise<CommissionView[]> {
    return this.commissions.listViews();
  }

  async byId(id: string): Promise<CommissionPage> {
    const commission = await this.commissions.findView(id);
    if (commission === null) throw CommissionError.commissionNotFound(id);
    return { commission, activePartnerships: await this.partnerships.activeOfMembers(id) };
  }
}
