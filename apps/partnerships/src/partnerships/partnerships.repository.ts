import { Injectable } from '@nestjs/common';
import type { ParticipantRole } from '@c2c/contracts';
import type { Tx } from '@c2c/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { ActivityEntity } from './activity.entity';
import { HistoryEntity } from './history.entity';
import { ParticipantEntity } from './participant.entity';
import { PartnershipEntity } from './partnership.entity';
import type {
  ActivityRecord,
  HistoryEntry,
  Participant,
  PartnershipState,
  RecordedHistoryEntry,
} from './partnership.types';
import type {
  OpenProposalStore,
  PartnershipFilter,
  PartnershipPosition,
  PartnershipReadStore,
  PartnershipStore,
} from './usecases/ports';

// The first key of the advisory lock that serialises one city's proposals ("PROP"), so it cannot
// collide with an advisory lock taken for something else.
const PROPOSALS_LOCK_CLASS = 0x50524f50;

interface ParticipantRow {
  partnership_id: string;
  city_id: string;
  role: ParticipantRole;
  name: string;
  country_code: string;
  accepted_at: Date | null;
}

// A partnership's own columns are its state but for the participants, which have their own table.
const rowOf = (state: PartnershipState): PartnershipEntity => {
  const { participants: _participants, ...row } = state;
  return row;
};

const stateOf = (row: PartnershipEntity, participants: Participant[]): PartnershipState => ({
  ...row,
  participants,
});

const entryOf = ({ id, ...entry }: HistoryEntity): RecordedHistoryEntry => ({ ...entry, position: id });

const activityRowOf = ({
  partnershipId,
  activity,
  recordedAt,
  recordedBy,
}: ActivityRecord): ActivityEntity => ({
  id: activity.activityId,
  partnershipId,
  kind: activity.kind,
  title: activity.title,
  startDate: activity.startDate,
  endDate: activity.endDate,
  participatingCityIds: activity.participatingCityIds,
  outcomes: activity.outcomes ?? null,
  bestPracticeId: activity.practiceTransfer?.bestPracticeId ?? null,
  sourceCityId: activity.practiceTransfer?.sourceCityId ?? null,
  adoptingCityId: activity.practiceTransfer?.adoptingCityId ?? null,
  recordedAt,
  recordedBy,
});

/** The partnership aggregate's tables: the only place with its SQL. */
@Injectable()
export class PartnershipsRepository implements PartnershipStore, PartnershipReadStore, OpenProposalStore {
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

  async findForUpdate(tx: Tx, id: string): Promise<PartnershipState | null> {
    const row = await tx
      .getRepository(PartnershipEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return row === null ? null : stateOf(row, (await this.participantsOf([id], tx)).get(id) ?? []);
  }

  async findById(id: string): Promise<PartnershipState | null> {
    const row = await this.dataSource.getRepository(PartnershipEntity).findOneBy({ id });
    return row === null ? null : stateOf(row, (await this.participantsOf([id])).get(id) ?? []);
  }

  async list(
    filter: PartnershipFilter,
    take: number,
    after?: PartnershipPosition,
  ): Promise<PartnershipState[]> {
    const query = this.dataSource.getRepository(PartnershipEntity).createQueryBuilder('p');
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.type) query.andWhere('p.type = :type', { type: filter.type });
    if (filter.cityId) {
      query.andWhere(
        'exists (select 1 from partnerships.participants pa where pa.partnership_id = p.id and pa.city_id = :cityId)',
        { cityId: filter.cityId },
      );
    }
    if (after) {
      query.andWhere('(p.created_at, p.id) < (cast(:createdAt as timestamptz), cast(:id as uuid))', after);
    }
    const rows = await query.orderBy('p.createdAt', 'DESC').addOrderBy('p.id', 'DESC').limit(take).getMany();
    const participants = await this.participantsOf(rows.map((row) => row.id));
    return rows.map((row) => stateOf(row, participants.get(row.id) ?? []));
  }

  async history(
    partnershipId: string,
    take: number,
    afterPosition?: string,
  ): Promise<RecordedHistoryEntry[]> {
    const query = this.dataSource
      .getRepository(HistoryEntity)
      .createQueryBuilder('h')
      .where('h.partnership_id = :partnershipId', { partnershipId });
    if (afterPosition !== undefined) query.andWhere('h.id > :afterPosition', { afterPosition });
    return (await query.orderBy('h.id', 'ASC').limit(take).getMany()).map(entryOf);
  }

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

  async countOpenProposalsOf(tx: Tx, cityId: string): Promise<number> {
    await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [PROPOSALS_LOCK_CLASS, cityId]);
    const [row] = (await tx.query(
      `select count(*)::int as open from partnerships.partnerships
        where proposer_city_id = $1 and status = 'proposed'`,
      [cityId],
    )) as { open: number }[];
    return row?.open ?? 0;
  }

  async appendHistory(tx: Tx, entries: HistoryEntry[]): Promise<void> {
    if (entries.length > 0) await tx.insert(HistoryEntity, entries);
  }

  async insertActivity(tx: Tx, record: ActivityRecord): Promise<void> {
    await tx.insert(ActivityEntity, activityRowOf(record));
  }

  /**
   * Participants of some partnerships, in proposal order, named as the city model knows them now
   * (a renamed city shows its new name), falling back to what was stored.
   */
  private async participantsOf(ids: string[], tx?: Tx): Promise<Map<string, Participant[]>> {
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

  private manager(tx?: Tx): EntityManager {
    return tx ?? this.dataSource.manager;
  }
}
