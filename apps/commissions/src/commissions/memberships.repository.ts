import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { DataSource, EntityManager } from 'typeorm';
import type { Membership } from './commission';
import { MembershipEntity } from './membership.entity';
import type { MembershipFilter, MembershipPosition, MembershipStore, MembershipView } from './usecases/ports';

interface MembershipViewRow {
  id: string;
  commission_id: string;
  city_id: string;
  role: Membership['role'];
  since: string;
  joined_at: Date;
  request_id: string | null;
  status: Membership['status'];
  ended_at: Date | null;
  end_reason: string | null;
  version: number;
  updated_at: Date;
  commission_name: string;
  city_name: string | null;
}

const VIEW = `
  select m.id, m.commission_id, m.city_id, m.role, m.since::text, m.joined_at, m.request_id, m.status,
         m.ended_at, m.end_reason, m.version, m.updated_at, c.name as commission_name, ci.name as city_name
    from commissions.memberships m
    join commissions.commissions c on c.id = m.commission_id
    left join commissions.cities ci on ci.city_id = m.city_id`;

const viewOf = (row: MembershipViewRow): MembershipView => ({
  id: row.id,
  commissionId: row.commission_id,
  cityId: row.city_id,
  role: row.role,
  since: row.since,
  joinedAt: row.joined_at,
  requestId: row.request_id,
  status: row.status,
  endedAt: row.ended_at,
  endReason: row.end_reason,
  version: row.version,
  updatedAt: row.updated_at,
  commissionName: row.commission_name,
  cityName: row.city_name,
});

/** The memberships table: the only place with its SQL. */
@Injectable()
export class MembershipsRepository implements MembershipStore {
  constructor(private readonly dataSource: DataSource) {}

  async findActive(tx: Tx, commissionId: string, cityId: string): Promise<Membership | null> {
    return tx.getRepository(MembershipEntity).findOne({
      where: { commissionId, cityId, status: 'active' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async lockActiveOfCommission(tx: Tx, commissionId: string): Promise<Membership[]> {
    return tx.getRepository(MembershipEntity).find({
      where: { commissionId, status: 'active' },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async lockActiveOfCity(tx: Tx, cityId: string): Promise<Membership[]> {
    return tx.getRepository(MembershipEntity).find({
      where: { cityId, status: 'active' },
      order: { commissionId: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async insert(tx: Tx, membership: Membership): Promise<void> {
    await tx.insert(MembershipEntity, membership);
  }

  async update(tx: Tx, membership: Membership): Promise<void> {
    const { id, ...row } = membership;
    await tx.update(MembershipEntity, { id }, row);
  }

  async findView(id: string, tx?: Tx): Promise<MembershipView | null> {
    const [row] = (await this.manager(tx).query(`${VIEW} where m.id = $1`, [id])) as MembershipViewRow[];
    return row === undefined ? null : viewOf(row);
  }

  async listActive(
    filter: MembershipFilter,
    take: number,
    after?: MembershipPosition,
  ): Promise<MembershipView[]> {
    const where = [`m.status = 'active'`];
    const parameters: unknown[] = [];
    const add = (condition: (n: number) => string, ...values: unknown[]) => {
      where.push(condition(parameters.length + 1));
      parameters.push(...values);
    };
    if (filter.commissionId !== undefined) add((n) => `m.commission_id = $${n}`, filter.commissionId);
    if (filter.cityId !== undefined) add((n) => `m.city_id = $${n}`, filter.cityId);
    if (after !== undefined) {
      add((n) => `(m.joined_at, m.id) > ($${n}::timestamptz, $${n + 1}::uuid)`, after.joinedAt, after.id);
    }
    const rows = (await this.dataSource.query(
      `${VIEW} where ${where.join(' and ')} order by m.joined_at, m.id limit ${Number(take)}`,
      parameters,
    )) as MembershipViewRow[];
    return rows.map(viewOf);
  }

  async commissionIdsOfCity(tx: Tx, cityId: string): Promise<string[]> {
    const rows = (await tx.query(
      `select commission_id from commissions.memberships where city_id = $1 and status = 'active'
       union
       select commission_id from commissions.membership_requests where city_id = $1 and status = 'pending'
       order by 1`,
      [cityId],
    )) as { commission_id: string }[];
    return rows.map((row) => row.commission_id);
  }

  private manager(tx?: Tx): EntityManager {
    return tx ?? this.dataSource.manager;
  }
}
