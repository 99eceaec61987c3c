import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, type Page, pageOf } from '@c2c/platform';
import { PartnershipError } from '../partnership.errors';
import type { RecordedHistoryEntry } from '../partnership.types';
import { PARTNERSHIP_READ_STORE, type PartnershipReadStore } from './ports';

const isHistoryPosition = (value: unknown): value is { id: string } =>
  typeof value === 'object' && value !== null && /^\d{1,18}$/.test(String((value as { id?: unknown }).id));

/** A partnership's history, oldest first: who changed what, when and why. */
@Injectable()
export class FindPartnershipHistory {
  constructor(@Inject(PARTNERSHIP_READ_STORE) private readonly partnerships: PartnershipReadStore) {}

  async page(id: string, limit: number, cursor?: string): Promise<Page<RecordedHistoryEntry>> {
    if ((await this.partnerships.findById(id)) === null) throw PartnershipError.notFound(id);
    const after = cursor === undefined ? undefined : decodeCursor(cursor, isHistoryPosition).id;
    const rows = await this.partnerships.history(id, limit + 1, after);
    return pageOf(rows, limit, (last) => ({ id: last.position }));
  }
}
