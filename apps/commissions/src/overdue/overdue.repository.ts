import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { ResolutionActionEntity } from '../resolutions/resolution.entity';
import type { FollowUpAction } from '../resolutions/resolution';
import type { OverdueStore } from './ports';

/** The overdue sweep's SQL: claiming with SKIP LOCKED, and the unique record of what was announced. */
@Injectable()
export class OverdueRepository implements OverdueStore {
  async claimOverdue(tx: Tx, today: string, limit: number): Promise<FollowUpAction[]> {
    return tx
      .getRepository(ResolutionActionEntity)
      .createQueryBuilder('a')
      .where(`a.status in ('open', 'in-progress') and a.due_date < cast(:today as date)`, { today })
      .andWhere('not exists (select 1 from commissions.overdue_announcements o where o.action_id = a.id)')
      .orderBy('a.dueDate', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async recordAnnounced(tx: Tx, actionId: string, at: Date): Promise<boolean> {
    const inserted = (await tx.query(
      `insert into commissions.overdue_announcements (action_id, announced_at) values ($1, $2)
       on conflict do nothing returning action_id`,
      [actionId, at],
    )) as unknown[];
    return inserted.length === 1;
  }
}
