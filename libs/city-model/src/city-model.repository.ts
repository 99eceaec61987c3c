import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { DataSource, EntityManager, In } from 'typeorm';
import { CityRecordEntity } from './city-record.entity';
import { CityRecord, emptyCityRecord } from './city-projection';

const toRecord = (row: CityRecordEntity): CityRecord => ({
  cityId: row.cityId,
  name: row.name,
  englishName: row.englishName,
  countryCode: row.countryCode,
  level: row.level,
  membershipStatus: row.membershipStatus,
  archivedAt: row.archivedAt?.toISOString() ?? null,
  fieldSequences: row.fieldSequences,
  lastSequence: row.lastSequence,
});

/** The city read model's table, in whatever schema the data source is bound to. */
@Injectable()
export class CityModelRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The city's record, locked for this transaction; an empty one is created first when the city is new.
   * Creating before locking lets two consumers (live and rebuild) meet on one row instead of racing
   * two inserts.
   */
  async lockOrCreate(tx: Tx, cityId: string): Promise<CityRecord> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(CityRecordEntity)
      .values({ ...emptyCityRecord(cityId), archivedAt: null, updatedAt: new Date() })
      .orIgnore()
      .execute();
    const row = await tx
      .getRepository(CityRecordEntity)
      .findOneOrFail({ where: { cityId }, lock: { mode: 'pessimistic_write' } });
    return toRecord(row);
  }

  /** Writes the record (after {@link CityModelRepository.lockOrCreate} in the same transaction). */
  async save(tx: Tx, record: CityRecord): Promise<void> {
    await tx.getRepository(CityRecordEntity).save({
      ...record,
      archivedAt: record.archivedAt === null ? null : new Date(record.archivedAt),
      updatedAt: new Date(),
    });
  }

  /** The known records among `ids`, by id; unknown ids are absent. */
  async findByIds(ids: string[], tx?: Tx): Promise<Map<string, CityRecord>> {
    const rows =
      ids.length === 0
        ? []
        : await this.manager(tx)
            .getRepository(CityRecordEntity)
            .findBy({ cityId: In(ids) });
    return new Map(rows.map((row) => [row.cityId, toRecord(row)]));
  }

  /** The known cities of these names (a name may be two cities' in different countries). */
  async findByNames(names: string[]): Promise<CityRecord[]> {
    if (names.length === 0) return [];
    const rows = await this.manager()
      .getRepository(CityRecordEntity)
      .findBy({ name: In(names) });
    return rows.map(toRecord);
  }

  /** The city's record, share-locked for this transaction; null when the city is unknown. */
  async findForShare(tx: Tx, cityId: string): Promise<CityRecord | null> {
    const row = await tx
      .getRepository(CityRecordEntity)
      .findOne({ where: { cityId }, lock: { mode: 'pessimistic_read' } });
    return row === null ? null : toRecord(row);
  }

  /** How many cities the model holds. */
  async count(): Promise<number> {
    return this.dataSource.getRepository(CityRecordEntity).count();
  }

  /** Every record, in id order: what a rebuild compares. */
  async all(): Promise<CityRecord[]> {
    const rows = await this.dataSource.getRepository(CityRecordEntity).find({ order: { cityId: 'ASC' } });
    return rows.map(toRecord);
  }

  /**
   * Empties the model and forgets which events a consumer group applied (in the inbox of `schema`), so
   * it can apply them again.
   */
  async reset(tx: Tx, schema: string, consumerGroup: string): Promise<void> {
    // A delete, not TRUNCATE, which would lock the whole table against the live consumer and lookups.
    await tx.createQueryBuilder().delete().from(CityRecordEntity).execute();
    await this.forgetInbox(tx, schema, consumerGroup);
  }

  /** Forgets which events a consumer group applied, in the inbox of `schema`. */
  async forgetInbox(tx: Tx, schema: string, consumerGroup: string): Promise<void> {
    await tx.query(`delete from "${schema}".inbox where consumer_group = $1`, [consumerGroup]);
  }

  private manager(tx?: Tx): EntityManager {
    return tx ?? this.dataSource.manager;
  }
}
