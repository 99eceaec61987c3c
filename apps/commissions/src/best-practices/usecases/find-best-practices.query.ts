import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import type { BestPracticeStatus } from '@c2c/contracts';
import { cursorOf, type Page, pageOf } from '@c2c/platform';
import { CommissionError } from '../../commissions/commission.errors';
import type { BestPractice, BestPracticePage } from '../best-practice';
import { maySee, visibleStatuses } from '../best-practice.policy';
import { BEST_PRACTICE_STORE, type BestPracticeStore, type PracticeFilter } from '../ports';

/** Newest first: the (createdAt, id) of the last practice of the page before. */
const PRACTICE_CURSOR = cursorOf({ createdAt: 'timestamp', id: 'uuid' });

export type PracticeQuery = Omit<PracticeFilter, 'statuses'> & {
  /** One status, or `all`: every status the caller may see. Absent: the published library. */
  status?: BestPracticeStatus | 'all';
};

/** The library, searched and filtered; unpublished practices only for their city and the reviewers. */
@Injectable()
export class FindBestPractices {
  constructor(@Inject(BEST_PRACTICE_STORE) private readonly practices: BestPracticeStore) {}

  async page(
    user: AuthenticatedUser,
    { status = 'published', ...filter }: PracticeQuery,
    limit: number,
    cursor?: string,
  ): Promise<Page<BestPractice>> {
    const visible = visibleStatuses(user, filter.cityId);
    if (status !== 'all' && !visible.includes(status)) {
      throw CommissionError.forbidden(
        `${status} practices are seen by the reviewers and their own city's officers only`,
      );
    }
    const statuses = status === 'all' ? visible : [status];
    const after = cursor === undefined ? undefined : PRACTICE_CURSOR.decode(cursor);
    const rows = await this.practices.list({ ...filter, statuses }, limit + 1, after);
    return pageOf(rows, limit, (last) => ({ createdAt: last.createdAt.toISOString(), id: last.id }));
  }

  /** The practice and the partnerships that transferred it; 404 for one the caller may not see. */
  async one(user: AuthenticatedUser, id: string): Promise<BestPracticePage> {
    const practice = await this.practices.findById(id);
    if (practice === null || !maySee(user, practice)) throw CommissionError.practiceNotFound(id);
    return { practice, transfers: await this.practices.transfersOf(id) };
  }
}
