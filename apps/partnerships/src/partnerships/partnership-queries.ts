import { Injectable } from '@nestjs/common';
import { decodeCursor, Page, pageOf } from '@c2c/platform';
import { ListPartnershipsDto } from './dto/list-partnerships.dto';
import { HistoryEntryView, PartnershipView } from './dto/partnership-view.dto';
import { PartnershipError } from './partnership.errors';
import { PartnershipQueriesRepository } from './partnership-queries.repository';
import { toHistoryEntryView, toPartnershipView } from './partnership.views';

interface ListPosition {
  createdAt: string;
  id: string;
}
const isListPosition = (value: unknown): value is ListPosition =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ListPosition).id === 'string' &&
  /^[0-9a-f-]{36}$/i.test((value as ListPosition).id) &&
  typeof (value as ListPosition).createdAt === 'string' &&
  !Number.isNaN(Date.parse((value as ListPosition).createdAt));

const isHistoryPosition = (value: unknown): value is { id: string } =>
  typeof value === 'object' && value !== null && /^\d{1,18}$/.test(String((value as { id?: unknown }).id));

/** Reads partnerships for the API: one, a filtered page, or a history page. */
@Injectable()
export class PartnershipQueries {
  constructor(private readonly partnerships: PartnershipQueriesRepository) {}

  async get(id: string): Promise<PartnershipView> {
    const state = await this.partnerships.find(id);
    if (state === null) throw PartnershipError.notFound(id);
    return toPartnershipView(state);
  }

  async list(query: ListPartnershipsDto): Promise<Page<PartnershipView>> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, isListPosition);
    const rows = await this.partnerships.list({
      status: query.status,
      type: query.type,
      cityId: query.cityId,
      take: query.limit + 1,
      after,
    });
    const page = pageOf(rows, query.limit, (last) => ({
      createdAt: last.createdAt.toISOString(),
      id: last.id,
    }));
    return { items: page.items.map(toPartnershipView), nextCursor: page.nextCursor };
  }

  async history(id: string, limit: number, cursor?: string): Promise<Page<HistoryEntryView>> {
    if ((await this.partnerships.find(id)) === null) throw PartnershipError.notFound(id);
    const after = cursor === undefined ? undefined : decodeCursor(cursor, isHistoryPosition).id;
    const rows = await this.partnerships.history(id, limit + 1, after);
    const page = pageOf(rows, limit, (last) => ({ id: last.id }));
    return { items: page.items.map(toHistoryEntryView), nextCursor: page.nextCursor };
  }
}
