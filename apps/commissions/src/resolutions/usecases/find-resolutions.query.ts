import { Inject, Injectable } from '@nestjs/common';
import { cursorOf, type Page, pageOf } from '@c2c/platform';
import { CommissionError } from '../../commissions/commission.errors';
import { COMMISSION_STORE, type CommissionStore } from '../../commissions/usecases/ports';
import type { Resolution } from '../resolution';
import { RESOLUTION_STORE, type ResolutionStore } from '../ports';

/** Newest first: the (createdAt, id) of the last resolution of the page before. */
const RESOLUTION_CURSOR = cursorOf({ createdAt: 'timestamp', id: 'uuid' });

/** A commission's resolutions and their follow-up, for anyone signed in. */
@Injectable()
export class FindResolutions {
  constructor(
    @Inject(RESOLUTION_STORE) private readonly resolutions: ResolutionStore,
    @Inject(COMMISSION_STORE) private readonly commissions: CommissionStore,
  ) {}

  async page(commissionId: string, limit: number, cursor?: string): Promise<Page<Resolution>> {
    if ((await this.commissions.findView(commissionId)) === null) {
      throw CommissionError.commissionNotFound(commissionId);
    }
    const after = cursor === undefined ? undefined : RESOLUTION_CURSOR.decode(cursor);
    const rows = await this.resolutions.list(commissionId, limit + 1, after);
    return pageOf(rows, limit, (last) => ({ createdAt: last.createdAt.toISOString(), id: last.id }));
  }
}
