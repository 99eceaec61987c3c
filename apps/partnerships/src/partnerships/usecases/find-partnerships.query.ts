import { Inject, Injectable } from '@nestjs/common';
import { cursorOf, type Page, pageOf } from '@c2c/platform';
import { PartnershipError } from '../partnership.errors';
import type { PartnershipState } from '../partnership.types';
import {
  PARTNERSHIP_READ_STORE,
  type PartnershipFilter,
  type PartnershipPosition,
  type PartnershipReadStore,
} from './ports';

/** Newest first: the (createdAt, id) of the last partnership of the page before. */
const PARTNERSHIP_CURSOR = cursorOf({ createdAt: 'timestamp', id: 'uuid' });

/** Reads for anyone who may read: one partnership, or a filtered page of them, newest first. */
@Injectable()
export class FindPartnerships {
  constructor(@Inject(PARTNERSHIP_READ_STORE) private readonly partnerships: PartnershipReadStore) {}

  async byId(id: string): Promise<PartnershipState> {
    const state = await this.partnerships.findById(id);
    if (state === null) throw PartnershipError.notFound(id);
    return state;
  }

  /** `cursor` is the `nextCursor` of the page before; one row more than asked tells if another follows. */
  async page(filter: PartnershipFilter, limit: number, cursor?: string): Promise<Page<PartnershipState>> {
    const after: PartnershipPosition | undefined =
      cursor === undefined ? undefined : PARTNERSHIP_CURSOR.decode(cursor);
    const rows = await this.partnerships.list(filter, limit + 1, after);
    return pageOf(rows, limit, (last) => ({ createdAt: last.createdAt.toISOString(), id: last.id }));
  }
}
