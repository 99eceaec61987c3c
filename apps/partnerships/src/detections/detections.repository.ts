import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';

export type DetectionKind = 'dormant' | 'renewal-due' | 'expired';

// Each claim locks its rows with SKIP LOCKED: replicas running a pass at the same time split the work
// instead of queueing behind each other, and a row another replica is handling is left to it. Rows
// already handled no longer match (their status or flag changed), so a later pass skips them.

const ids = (rows: unknown): string[] => (rows as { id: string }[]).map((row) => row.id);

/** Finds and claims the partnerships a time-based detection applies to, and records what was found. */
@Injectable()
export class DetectionsRepository {
  /** Active or suspended partnerships whose end date is before `today`. */
  async claimExpired(tx: Tx, today: string, limit: number): Promise<string[]> {
    return ids(
      await tx.query(
        `select id from partnerships.partnerships
          where status in ('active', 'suspended') and end_date < $1::date
          order by end_date, id limit $2 for update skip locked`,
        [today, limit],
      ),
    );
  }

  /** Active partnerships ending within `noticeDays` whose reminder for that end date has not gone out. */
  async claimRenewalDue(tx: Tx, today: string, noticeDays: number, limit: number): Promise<string[]> {
    return ids(
      await tx.query(
        `select id from partnerships.partnerships
          where status = 'active' and end_date >= $1::date and end_date <= $1::date + $2::int
            and renewal_reminded_for is distinct from end_date
          order by end_date, id limit $3 for update skip locked`,
        [today, noticeDays, limit],
      ),
    );
  }

  /** Active partnerships not yet flagged whose latest activity (or activation) is `months` old. */
  async claimDormant(tx: Tx, today: string, months: number, limit: number): Promise<string[]> {
    return ids(
      await tx.query(
        `select id from partnerships.partnerships
          where status = 'active' and dormant_since is null
            and coalesce(last_activity_on, (activated_at at time zone 'UTC')::date)
                <= ($1::date - make_interval(months => $2::int))::date
          order by id limit $3 for update skip locked`,
        [today, months, limit],
      ),
    );
  }

  /**
   * Records a finding; false when it was recorded before (by this or another replica), in which case
   * its event was already emitted and must not be again.
   */
  async record(
    tx: Tx,
    partnershipId: string,
    kind: DetectionKind,
    subjectKey: string,
    at: Date,
  ): Promise<boolean> {
    const inserted = (await tx.query(
      `insert into partnerships.detections (partnership_id, kind, subject_key, detected_at)
       values ($1, $2, $3, $4) on conflict do nothing returning partnership_id`,
      [partnershipId, kind, subjectKey, at],
    )) as unknown[];
    return inserted.length === 1;
  }
}
