import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { DataSource, EntityManager } from 'typeorm';
import type { BestPracticeRecord } from './best-practice-projection';
import { BestPracticeRecordEntity } from './best-practice-record.entity';

const toRecord = (row: BestPracticeRecordEntity): BestPracticeRecord => ({
  practiceId: row.practiceId,
  cityId: row.cityId,
  title: row.title,
  challenges: row.challenges,
  sdgs: row.sdgs,
  cooperationAreas: row.cooperationAreas,
  status: row.status,
  publishedAt: row.publishedAt?.toISOString() ?? null,
  lastSequence: row.lastSequence,
});

/** The best-practice read model's table, `partnerships.best_practices`. */
@Injectable()
export class BestPracticeModelRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes the record unless the table holds one from a later (or the same) event of the practice;
   * true when it wrote. One statement, so a redelivered or late event cannot undo a newer one.
   */
  async save(tx: Tx, record: BestPracticeRecord): Promise<boolean> {
    const written = (await tx.query(
      `insert into partnerships.best_practices as bp
         (practice_id, city_id, title, challenges, sdgs, cooperation_areas, status, published_at,
          last_sequence, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       on conflict (practice_id) do update set
         city_id = excluded.city_id, title = excluded.title, challenges = excluded.challenges,
         sdgs = excluded.sdgs, cooperation_areas = excluded.cooperation_areas, status = excluded.status,
         published_at = excluded.published_at, last_sequence = excluded.last_sequence, updated_at = now()
       where bp.last_sequence < excluded.last_sequence
       returning practice_id`,
      [
        record.practiceId,
        record.cityId,
        record.title,
        record.challenges,
        record.sdgs,
        record.cooperationAreas,
        record.status,
        record.publishedAt,
        record.lastSequence,
      ],
    )) as unknown[];
    return written.length > 0;
  }

  /** The practice's record (in `tx` when given); null when no event of it has arrived. */
  async find(practiceId: string, tx?: Tx): Promise<BestPracticeRecord | null> {
    const row = await this.manager(tx).getRepository(BestPracticeRecordEntity).findOneBy({ practiceId });
    return row === null ? null : toRecord(row);
  }

  private manager(tx?: Tx): EntityManager {
    return tx ?? this.dataSource.manager;
  }
}
