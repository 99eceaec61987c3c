import { Injectable } from '@nestjs/common';
import type { PartnershipStatus, PartnershipType } from '@c2c/contracts';
import { DataSource } from 'typeorm';
import { HistoryEntity } from './history.entity';
import { PartnershipEntity } from './partnership.entity';
import { PartnershipState } from './partnership.model';
import { PartnershipsRepository, stateOf } from './partnerships.repository';

export interface PartnershipFilter {
  status?: PartnershipStatus;
  type?: PartnershipType;
  cityId?: string;
  /** Rows to fetch: one more than the page, to know whether another follows. */
  take: number;
  /** Keyset position: strictly after this (newest first). */
  after?: { createdAt: string; id: string };
}

/** The read side: lists and history. */
@Injectable()
export class PartnershipQueriesRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  async find(id: string): Promise<PartnershipState | null> {
    const row = await this.dataSource.getRepository(PartnershipEntity).findOneBy({ id });
    return row === null ? null : stateOf(row, (await this.partnerships.participantsOf([id])).get(id) ?? []);
  }

  async list(filter: PartnershipFilter): Promise<PartnershipState[]> {
    const query = this.dataSource.getRepository(PartnershipEntity).createQueryBuilder('p');
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.type) query.andWhere('p.type = :type', { type: filter.type });
    if (filter.cityId) {
      query.andWhere(
        'exists (select 1 from partnerships.participants pa where pa.partnership_id = p.id and pa.city_id = :cityId)',
        { cityId: filter.cityId },
      );
    }
    if (filter.after) {
      query.andWhere(
        '(p.created_at, p.id) < (cast(:createdAt as timestamptz), cast(:id as uuid))',
        filter.after,
      );
    }
    const rows = await query
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(filter.take)
      .getMany();
    const participants = await this.partnerships.participantsOf(rows.map((row) => row.id));
    return rows.map((row) => stateOf(row, participants.get(row.id) ?? []));
  }

  /** A partnership's history, oldest first, after a history id. */
  async history(partnershipId: string, take: number, afterId?: string): Promise<HistoryEntity[]> {
    const query = this.dataSource
      .getRepository(HistoryEntity)
      .createQueryBuilder('h')
      .where('h.partnership_id = :partnershipId', { partnershipId });
    if (afterId !== undefined) query.andWhere('h.id > :afterId', { afterId });
    return query.orderBy('h.id', 'ASC').limit(take).getMany();
  }
}
