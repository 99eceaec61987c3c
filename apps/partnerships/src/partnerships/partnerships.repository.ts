import { Injectable } from '@nestjs/common';
import type { ParticipantRole } from '@c2c/contracts';
import type { Tx } from '@c2c/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { ActivityEntity } from './activity.entity';
import { HistoryEntity } from './history.entity';
import { ParticipantEntity } from './participant.entity';
import { PartnershipEntity } from './partnership.entity';
import { Participant, PartnershipState } from './partnership.model';

interface ParticipantRow {
  partnership_id: string;
  city_id: string;
  role: ParticipantRole;
  name: string;
  country_code: string;
  accepted_at: Date | null;
}

const rowOf = (state: PartnershipState): PartnershipEntity => {
  const { participants: _participants, ...row } = state;
  return row;
};

export const stateOf = (row: PartnershipEntity, participants: Participant[]): PartnershipState => ({
  ...row,
  participants,
});

/** The partnership aggregate's tables. */
@Injectable()
export class PartnershipsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: Tx, state: PartnershipState): Promise<void> {
    await tx.insert(PartnershipEntity, rowOf(state));
    await tx.insert(
      ParticipantEntity,
      state.participants.map((p, position) => ({ partnershipId: state.id, position, ...p })),
    );
  }

  async update(tx: Tx, state: PartnershipState): Promise<void> {
    const { id, ...row } = rowOf(state);
    await tx.update(PartnershipEntity, { id }, row);
    for (const p of state.participants) {
      await tx.update(
        ParticipantEntity,
        { partnershipId: id, cityId: p.cityId },
        { acceptedAt: p.acceptedAt, name: p.name, countryCode: p.countryCode },
      );
    }
  }

  /** The partnership, its row locked until the transaction ends; null when there is none. */
  async lock(tx: Tx, id: string): Promise<PartnershipState | null> {
    const row = await tx
      .getRepository(PartnershipEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return row === null ? null : stateOf(row, (await this.participantsOf([id], tx)).get(id) ?? []);
  }

  /**
   * Participants of some partnerships, in proposal order, named as the city model knows them now
   * (a renamed city shows its new name), falling back to what was stored.
   */
  async participantsOf(ids: string[], tx?: Tx): Promise<Map<string, Participant[]>> {
    const rows = (await this.manager(tx).query(
      `select pa.partnership_id, pa.city_id, pa.role, pa.accepted_at,
              coalesce(c.name, pa.name) as name, coalesce(c.country_code, pa.country_code) as country_code
         from partnerships.participants pa
         left join partnerships.cities c on c.city_id = pa.city_id
        where pa.partnership_id = any($1::uuid[])
        order by pa.partnership_id, pa.position`,
      [ids],
    )) as ParticipantRow[];
    const byPartnership = new Map<string, Participant[]>();
    for (const row of rows) {
      const list = byPartnership.get(row.partnership_id) ?? [];
      list.push({
        cityId: row.city_id,
        role: row.role,
        name: row.name,
        countryCode: row.country_code,
        acceptedAt: row.accepted_at,
      });
      byPartnership.set(row.partnership_id, list);
    }
    return byPartnership;
  }

  /** Ids of the active partnerships a city takes part in, locked (the reaction to its archiving). */
  async lockActiveIdsOfCity(tx: Tx, cityId: string): Promise<string[]> {
    const rows = (await tx.query(
      `select p.id from partnerships.partnerships p
         join partnerships.participants pa on pa.partnership_id = p.id
        where pa.city_id = $1 and p.status = 'active'
        order by p.id
        for update of p`,
      [cityId],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  async appendHistory(tx: Tx, entries: Omit<HistoryEntity, 'id'>[]): Promise<void> {
    if (entries.length > 0) await tx.insert(HistoryEntity, entries);
  }

  async insertActivity(tx: Tx, activity: ActivityEntity): Promise<void> {
    await tx.insert(ActivityEntity, activity);
  }

  private manager(tx?: Tx): EntityManager {
    return tx ?? this.dataSource.manager;
  }
}
