import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { DataSource, EntityManager } from 'typeorm';
import type { Commission, CommissionView } from './commission';
import { CommissionEntity } from './commission.entity';
import type { CommissionStore } from './usecases/ports';

interface CommissionViewRow {
  id: string;
  number: number;
  name: string;
  mandate: string;
  mandate_starts_on: string | null;
  mandate_ends_on: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  chair_city_id: string | null;
  vice_chair_city_ids: string[];
  member_count: number;
}

// Officers are the members holding those roles: the memberships are the one record of who holds what.
const VIEW = `
  select c.id, c.number, c.name, c.mandate, c.mandate_starts_on::text, c.mandate_ends_on::text, c.version,
         c.created_at, c.updated_at,
         (select m.city_id from commissions.memberships m
           where m.commission_id = c.id and m.status = 'active' and m.role = 'chair') as chair_city_id,
         coalesce((select array_agg(m.city_id order by m.joined_at, m.id) from commissions.memberships m
           where m.commission_id = c.id and m.status = 'active' and m.role = 'vice-chair'), '{}')
           as vice_chair_city_ids,
         (select count(*)::int from commissions.memberships m
           where m.commission_id = c.id and m.status = 'active') as member_count
    from commissions.commissions c`;

const viewOf = (row: CommissionViewRow): CommissionView => ({
  id: row.id,
  number: row.number,
  name: row.name,
  mandate: row.mandate,
  mandateStartsOn: row.mandate_starts_on,
  mandateEndsOn: row.mandate_ends_on,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  chairCityId: row.chair_city_id,
  viceChairCityIds: row.vice_chair_city_ids,
  memberCount: row.member_count,
});

/** The commissions table: the only place with its SQL. */
@Injectable()
export class CommissionsRepository implements CommissionStore {
  constructor(private readonly dataSource: DataSource) {}

  async lockForChange(tx: Tx, id: string): Promise<Commission | null> {
    return tx.getRepository(CommissionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(tx: Tx, commission: Commission): Promise<void> {
    const { id, ...row } = commission;
    await tx.update(CommissionEntity, { id }, row);
  }

  async findView(id: string, tx?: Tx): Promise<CommissionView | null> {
    const [row] = (await this.manager(tx).query(`${VIEW} where c.id = $1`, [id])) as CommissionViewRow[];
    return row === undefined ? null : viewOf(row);
  }

  async listViews(): Promise<CommissionView[]> {
    const rows = (await this.dataSource.query(`${VIEW} order by c.number`)) as CommissionViewRow[];
    return rows.map(viewOf);
  }

  private manager(tx?: Tx): EntityManager {
    return tx ?? this.dataSource.manager;
  }
}
