import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { DataSource, In } from 'typeorm';
import type { FollowUpAction, Resolution } from './resolution';
import { ResolutionActionEntity, ResolutionEntity } from './resolution.entity';
import type { ResolutionPosition, ResolutionStore } from './ports';

/** The resolutions and their actions: the only place with their SQL. */
@Injectable()
export class ResolutionsRepository implements ResolutionStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: Tx, resolution: Resolution): Promise<void> {
    const { actions, ...row } = resolution;
    await tx.insert(ResolutionEntity, row);
    if (actions.length > 0) await tx.insert(ResolutionActionEntity, actions);
  }

  async list(commissionId: string, take: number, after?: ResolutionPosition): Promise<Resolution[]> {
    const query = this.dataSource
      .getRepository(ResolutionEntity)
      .createQueryBuilder('r')
      .where('r.commission_id = :commissionId', { commissionId });
    if (after !== undefined) {
      query.andWhere('(r.created_at, r.id) < (cast(:createdAt as timestamptz), cast(:id as uuid))', after);
    }
    const rows = await query.orderBy('r.createdAt', 'DESC').addOrderBy('r.id', 'DESC').limit(take).getMany();
    if (rows.length === 0) return [];
    const actions = await this.dataSource.getRepository(ResolutionActionEntity).find({
      where: { resolutionId: In(rows.map((row) => row.id)) },
      order: { position: 'ASC' },
    });
    return rows.map((row) => ({ ...row, actions: actions.filter((a) => a.resolutionId === row.id) }));
  }

  async findActionForUpdate(tx: Tx, id: string): Promise<FollowUpAction | null> {
    return tx
      .getRepository(ResolutionActionEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async updateAction(tx: Tx, action: FollowUpAction): Promise<void> {
    const { id, ...row } = action;
    await tx.update(ResolutionActionEntity, { id }, row);
  }
}
