import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { DataSource } from 'typeorm';
import type { BestPractice, PracticeTransfer } from './best-practice';
import { BestPracticeEntity, PracticeTransferEntity } from './best-practice.entity';
import type { BestPracticeStore, PracticeFilter, PracticePosition } from './ports';

/** The library's tables: the only place with their SQL. */
@Injectable()
export class BestPracticesRepository implements BestPracticeStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: Tx, practice: BestPractice): Promise<void> {
    await tx.insert(BestPracticeEntity, practice);
  }

  async update(tx: Tx, practice: BestPractice): Promise<void> {
    const { id, ...row } = practice;
    await tx.update(BestPracticeEntity, { id }, row);
  }

  async findForUpdate(tx: Tx, id: string): Promise<BestPractice | null> {
    return tx
      .getRepository(BestPracticeEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async findById(id: string): Promise<BestPractice | null> {
    return this.dataSource.getRepository(BestPracticeEntity).findOneBy({ id });
  }

  async list(filter: PracticeFilter, take: number, after?: PracticePosition): Promise<BestPractice[]> {
    // The tag filters are containment (`@>`), which the GIN indexes serve; `= any(…)` would not.
    const query = this.dataSource
      .getRepository(BestPracticeEntity)
      .createQueryBuilder('p')
      .where('p.status = any(:statuses)', { statuses: filter.statuses });
    if (filter.cityId !== undefined) query.andWhere('p.city_id = :cityId', { cityId: filter.cityId });
    if (filter.text !== undefined) {
      // Not `:text`: TypeORM reads the `::text[]` casts below as that parameter too (a 500 the fuzzer
      // found when q and a tag filter came together), so no parameter is named like a type.
      query.andWhere(`p.search @@ websearch_to_tsquery('english', :searchText)`, { searchText: filter.text });
    }
    if (filter.challenge !== undefined) {
      query.andWhere('p.challenges @> array[:challenge]::text[]', { challenge: filter.challenge });
    }
    if (filter.cooperationArea !== undefined) {
      query.andWhere('p.cooperation_areas @> array[:area]::text[]', { area: filter.cooperationArea });
    }
    if (filter.sdg !== undefined) {
      query.andWhere('p.sdgs @> array[cast(:sdg as smallint)]', { sdg: filter.sdg });
    }
    if (after !== undefined) {
      query.andWhere('(p.created_at, p.id) < (cast(:createdAt as timestamptz), cast(:id as uuid))', after);
    }
    return query.orderBy('p.createdAt', 'DESC').addOrderBy('p.id', 'DESC').limit(take).getMany();
  }

  async transfersOf(practiceId: string): Promise<PracticeTransfer[]> {
    return this.dataSource
      .getRepository(PracticeTransferEntity)
      .find({ where: { practiceId }, order: { startDate: 'ASC', activityId: 'ASC' } });
  }

  async recordTransfer(tx: Tx, transfer: PracticeTransfer): Promise<void> {
    await tx.createQueryBuilder().insert().into(PracticeTransferEntity).values(transfer).orIgnore().execute();
  }
}
