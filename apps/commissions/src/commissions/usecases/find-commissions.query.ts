import { Inject, Injectable } from '@nestjs/common';
import type { CommissionView } from '../commission';
import { CommissionError } from '../commission.errors';
import { COMMISSION_STORE, type CommissionStore } from './ports';

/** Reads for anyone who may read: the three commissions, or one. */
@Injectable()
export class FindCommissions {
  constructor(@Inject(COMMISSION_STORE) private readonly commissions: CommissionStore) {}

  all(): Promise<CommissionView[]> {
    return this.commissions.listViews();
  }

  async byId(id: string): Promise<CommissionView> {
    const commission = await this.commissions.findView(id);
    if (commission === null) throw CommissionError.commissionNotFound(id);
    return commission;
  }
}
