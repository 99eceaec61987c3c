import { Injectable } from '@nestjs/common';
import { TransactionRunner, Tx } from '@c2c/persistence';
import { PartnershipsConfig } from '../config';
import { dayOf } from '../partnerships/calendar';
import { Partnership } from '../partnerships/partnership';
import { PartnershipChangesRecorder } from '../partnerships/partnership-changes.recorder';
import { PLATFORM_ACTOR } from '../partnerships/partnership.events';
import type { PartnershipChange } from '../partnerships/partnership.types';
import { DetectionKind, DetectionsRepository } from './detections.repository';

/** Events emitted by one pass, per detection. */
export interface DetectionReport {
  expired: number;
  renewalDue: number;
  dormant: number;
}

interface Finding {
  change: PartnershipChange;
  /** What the finding is about, so the same finding is never announced twice. */
  subjectKey: string;
}

const BATCH = 100;

/**
 * One pass of the time-based detections: expiry at the end date, renewal reminders before it, and
 * dormancy after months without activity. Every replica runs passes; each finding is claimed by one
 * (SKIP LOCKED), recorded under a unique key and announced in the same transaction, so it is emitted
 * exactly once however many replicas run and however often.
 */
@Injectable()
export class RunDetections {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly detections: DetectionsRepository,
    private readonly changes: PartnershipChangesRecorder,
    private readonly config: PartnershipsConfig,
  ) {}

  async run(now: Date): Promise<DetectionReport> {
    const today = dayOf(now);
    const { RENEWAL_NOTICE_DAYS: noticeDays, DORMANT_AFTER_MONTHS: months } = this.config;
    // Expiry first: an expired partnership needs no reminder and is not dormant.
    const expired = await this.sweep(
      'expired',
      now,
      (tx) => this.detections.claimExpired(tx, today, BATCH),
      (p) => ({ change: p.expire(today, now), subjectKey: p.toState().endDate ?? '' }),
    );
    const renewalDue = await this.sweep(
      'renewal-due',
      now,
      (tx) => this.detections.claimRenewalDue(tx, today, noticeDays, BATCH),
      (p) => ({ change: p.remindRenewal(today, now), subjectKey: p.toState().endDate ?? '' }),
    );
    const dormant = await this.sweep(
      'dormant',
      now,
      (tx) => this.detections.claimDormant(tx, today, months, BATCH),
      (p) => {
        const subjectKey = p.activityReference ?? today;
        return { change: p.flagDormant(today, now), subjectKey };
      },
    );
    return { expired, renewalDue, dormant };
  }

  private async sweep(
    kind: DetectionKind,
    now: Date,
    claim: (tx: Tx) => Promise<string[]>,
    detect: (partnership: Partnership) => Finding,
  ): Promise<number> {
    let emitted = 0;
    for (;;) {
      const { claimed, announced } = await this.transactions.run(async (tx) => {
        const ids = await claim(tx);
        let count = 0;
        for (const id of ids) {
          const partnership = await this.changes.loadForChange(tx, id);
          const { change, subjectKey } = detect(partnership);
          const first = await this.detections.record(tx, id, kind, subjectKey, now);
          // Already announced: keep the flag the finding set, but say nothing again.
          await this.changes.record(tx, partnership, first ? [change] : [], PLATFORM_ACTOR);
          if (first) count++;
        }
        return { claimed: ids.length, announced: count };
      });
      emitted += announced;
      if (claimed < BATCH) return emitted;
    }
  }
}
