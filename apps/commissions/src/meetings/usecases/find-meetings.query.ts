import { Inject, Injectable } from '@nestjs/common';
import { cursorOf, type Page, pageOf } from '@c2c/platform';
import { CommissionError } from '../../commissions/commission.errors';
import { COMMISSION_STORE, type CommissionStore } from '../../commissions/usecases/ports';
import type { Meeting } from '../meeting';
import { MEETING_STORE, type MeetingStore } from '../ports';

/** Earliest start first: the (startsAt, id) of the last meeting of the page before. */
const MEETING_CURSOR = cursorOf({ startsAt: 'timestamp', id: 'uuid' });

/** A commission's meetings, for anyone signed in to follow. */
@Injectable()
export class FindMeetings {
  constructor(
    @Inject(MEETING_STORE) private readonly meetings: MeetingStore,
    @Inject(COMMISSION_STORE) private readonly commissions: CommissionStore,
  ) {}

  async page(commissionId: string, limit: number, cursor?: string): Promise<Page<Meeting>> {
    if ((await this.commissions.findView(commissionId)) === null) {
      throw CommissionError.commissionNotFound(commissionId);
    }
    const after = cursor === undefined ? undefined : MEETING_CURSOR.decode(cursor);
    const rows = await this.meetings.list(commissionId, limit + 1, after);
    return pageOf(rows, limit, (last) => ({ startsAt: last.startsAt.toISOString(), id: last.id }));
  }
}
