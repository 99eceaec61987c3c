import { Inject, Injectable } from '@nestjs/common';
import { cursorOf, type Page, pageOf } from '@c2c/platform';
import type { MembershipRequest, RequestStatus } from '../commission';
import { CommissionError } from '../commission.errors';
import {
  COMMISSION_STORE,
  MEMBERSHIP_REQUEST_STORE,
  type CommissionStore,
  type MembershipRequestStore,
} from './ports';

/** Newest first: the (createdAt, id) of the last request of the page before. */
const REQUEST_CURSOR = cursorOf({ createdAt: 'timestamp', id: 'uuid' });

/** A commission's applications, for its officers to decide and for anyone to follow. */
@Injectable()
export class FindMembershipRequests {
  constructor(
    @Inject(MEMBERSHIP_REQUEST_STORE) private readonly requests: MembershipRequestStore,
    @Inject(COMMISSION_STORE) private readonly commissions: CommissionStore,
  ) {}

  async byId(commissionId: string, id: string): Promise<MembershipRequest> {
    const request = await this.requests.findById(id);
    if (request === null || request.commissionId !== commissionId) {
      throw CommissionError.requestNotFound(commissionId, id);
    }
    return request;
  }

  async page(
    commissionId: string,
    status: RequestStatus | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<MembershipRequest>> {
    if ((await this.commissions.findView(commissionId)) === null) {
      throw CommissionError.commissionNotFound(commissionId);
    }
    const after = cursor === undefined ? undefined : REQUEST_CURSOR.decode(cursor);
    const rows = await this.requests.list(commissionId, status, limit + 1, after);
    return pageOf(rows, limit, (last) => ({ createdAt: last.createdAt.toISOString(), id: last.id }));
  }
}
