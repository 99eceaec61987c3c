import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { DataSource } from 'typeorm';
import type { MembershipRequest, RequestStatus } from './commission';
import { MembershipRequestEntity } from './membership-request.entity';
import type { MembershipRequestStore, RequestPosition } from './usecases/ports';

/** The membership requests table: the only place with its SQL. */
@Injectable()
export class MembershipRequestsRepository implements MembershipRequestStore {
  constructor(private readonly dataSource: DataSource) {}

  async findForUpdate(tx: Tx, id: string): Promise<MembershipRequest | null> {
    return tx
      .getRepository(MembershipRequestEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async findPending(tx: Tx, commissionId: string, cityId: string): Promise<MembershipRequest | null> {
    return tx.getRepository(MembershipRequestEntity).findOne({
      where: { commissionId, cityId, status: 'pending' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async lockPendingOfCity(tx: Tx, cityId: string): Promise<MembershipRequest[]> {
    return tx.getRepository(MembershipRequestEntity).find({
      where: { cityId, status: 'pending' },
      order: { commissionId: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async insert(tx: Tx, request: MembershipRequest): Promise<void> {
    await tx.insert(MembershipRequestEntity, request);
  }

  async update(tx: Tx, request: MembershipRequest): Promise<void> {
    const { id, ...row } = request;
    await tx.update(MembershipRequestEntity, { id }, row);
  }

  async findById(id: string): Promise<MembershipRequest | null> {
    return this.dataSource.getRepository(MembershipRequestEntity).findOneBy({ id });
  }

  async list(
    commissionId: string,
    status: RequestStatus | undefined,
    take: number,
    after?: RequestPosition,
  ): Promise<MembershipRequest[]> {
    const query = this.dataSource
      .getRepository(MembershipRequestEntity)
      .createQueryBuilder('r')
      .where('r.commission_id = :commissionId', { commissionId });
    if (status !== undefined) query.andWhere('r.status = :status', { status });
    if (after !== undefined) {
      query.andWhere('(r.created_at, r.id) < (cast(:createdAt as timestamptz), cast(:id as uuid))', after);
    }
    return query.orderBy('r.createdAt', 'DESC').addOrderBy('r.id', 'DESC').limit(take).getMany();
  }
}
