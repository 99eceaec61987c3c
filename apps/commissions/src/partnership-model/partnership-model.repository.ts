import { Injectable } from '@nestjs/common';
import type { PartnershipSnapshot } from '@c2c/contracts';
import type { Tx } from '@c2c/persistence';
import { DataSource } from 'typeorm';
import type { ActivePartnerships } from '../commissions/commission';
import type { PartnershipCounts } from '../commissions/usecases/ports';

// The active partnerships that at least one current member city of the commission takes part in.
const OF_MEMBERS = `
  p.status = 'active' and p.participant_city_ids && (
    select coalesce(array_agg(m.city_id), '{}') from commissions.memberships m
    where m.commission_id = $1 and m.status = 'active')`;

/** The partnership read model's table: the only place with its SQL. */
@Injectable()
export class PartnershipModelRepository implements PartnershipCounts {
  constructor(private readonly dataSource: DataSource) {}

  /** Keeps the snapshot unless a newer one is already here (a late redelivery changes nothing). */
  async keep(tx: Tx, snapshot: PartnershipSnapshot, at: Date): Promise<void> {
    await tx.query(
      `insert into commissions.partnership_records
         (partnership_id, status, participant_city_ids, cooperation_areas, updated_at)
       values ($1, $2, $3, $4, $5)
       on conflict (partnership_id) do update
         set status = excluded.status, participant_city_ids = excluded.participant_city_ids,
             cooperation_areas = excluded.cooperation_areas, updated_at = excluded.updated_at
         where commissions.partnership_records.updated_at <= excluded.updated_at`,
      [
        snapshot.partnershipId,
        snapshot.status,
        snapshot.participants.map((p) => p.cityId),
        snapshot.cooperationAreas,
        at,
      ],
    );
  }

  async activeOfMembers(commissionId: string): Promise<ActivePartnerships> {
    const [totals, areas] = await Promise.all([
      this.dataSource.query<{ total: number }[]>(
        `select count(*)::int as total from commissions.partnership_records p where ${OF_MEMBERS}`,
        [commissionId],
      ),
      this.dataSource.query<{ cooperationArea: string; count: number }[]>(
        `select area as "cooperationArea", count(*)::int as count
         from commissions.partnership_records p cross join unnest(p.cooperation_areas) as area
         where ${OF_MEMBERS}
         group by area order by count desc, area`,
        [commissionId],
      ),
    ]);
    return { total: totals[0]?.total ?? 0, byCooperationArea: areas };
  }
}
