import { Inject, Injectable } from '@nestjs/common';
import { cursorOf, type Page, pageOf } from '@c2c/platform';
import { PartnershipError } from '../partnership.errors';
import type { RecordedHistoryEntry } from '../partnership.types';
import { PARTNERSHIP_READ_STORE, type PartnershipReadStore } from './ports';

/** Oldest first: the id (an int8 identity) of the last entry of the page before. */
const HISTORY_CURSOR = cursorOf({ id: 'bigint' });

/** A partnership's history, oldest first: who changed what, when and why. */
@Injectable()
export class FindPartnershipHistory {
  constructor(@Inject(PARTNERSHIP_READ_STORE) private readonly partnerships: PartnershipReadStore) {}

  async page(id: string, limit: number, cursor?: string): Promise<Page<RecordedHistoryEntry>> {
    if ((await this.partnerships.findById(id)) === null) throw PartnershipError.notFound(id);
    const after = cursor === undefined ? undefined : HISTORY_CURSOR.decode(cursor).id;
    const rows = await this.partnerships.history(id, limit + 1, after);
    return pageOf(rows, limit, (last) => ({ id: last.position }));
  }
}
