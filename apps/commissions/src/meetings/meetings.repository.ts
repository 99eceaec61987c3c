import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { DataSource } from 'typeorm';
import type { Meeting } from './meeting';
import { MeetingEntity } from './meeting.entity';
import type { MeetingPosition, MeetingStore } from './ports';

/** The meetings table: the only place with its SQL. */
@Injectable()
export class MeetingsRepository implements MeetingStore {
  constructor(private readonly dataSource: DataSource) {}

  async findForUpdate(tx: Tx, id: string): Promise<Meeting | null> {
    return tx.getRepository(MeetingEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(tx: Tx, meeting: Meeting): Promise<void> {
    await tx.insert(MeetingEntity, meeting);
  }

  async update(tx: Tx, meeting: Meeting): Promise<void> {
    const { id, ...row } = meeting;
    await tx.update(MeetingEntity, { id }, row);
  }

  async findById(id: string): Promise<Meeting | null> {
    return this.dataSource.getRepository(MeetingEntity).findOneBy({ id });
  }

  async list(commissionId: string, take: number, after?: MeetingPosition): Promise<Meeting[]> {
    const query = this.dataSource
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .where('m.commission_id = :commissionId', { commissionId });
    if (after !== undefined) {
      query.andWhere('(m.starts_at, m.id) > (cast(:startsAt as timestamptz), cast(:id as uuid))', after);
    }
    return query.orderBy('m.startsAt', 'ASC').addOrderBy('m.id', 'ASC').limit(take).getMany();
  }
}
