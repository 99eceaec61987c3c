import type { CommonChallenge, CooperationArea, BestPracticeStatus } from '@c2c/contracts';
import type { Tx } from '@c2c/persistence';
import type { BestPractice, PracticeTransfer } from './best-practice';

/** Injection token of the {@link BestPracticeStore}. */
export const BEST_PRACTICE_STORE = Symbol('BestPracticeStore');

/** Where a list of practices resumes: strictly after this one, newest first. */
export interface PracticePosition {
  createdAt: string;
  id: string;
}

/** What a list of practices is narrowed to; every filter given must hold. */
export interface PracticeFilter {
  statuses: BestPracticeStatus[];
  cityId?: string;
  /** Words to find (web-search syntax: quoted phrases, `or`, `-word`), in English stemming. */
  text?: string;
  challenge?: CommonChallenge;
  sdg?: number;
  cooperationArea?: CooperationArea;
}

export interface BestPracticeStore {
  insert(tx: Tx, practice: BestPractice): Promise<void>;
  update(tx: Tx, practice: BestPractice): Promise<void>;
  /** The practice, its row locked until the transaction ends (every review and revision takes it). */
  findForUpdate(tx: Tx, id: string): Promise<BestPractice | null>;
  findById(id: string): Promise<BestPractice | null>;
  /** Newest first, at most `take`, after `after`. */
  list(filter: PracticeFilter, take: number, after?: PracticePosition): Promise<BestPractice[]>;
  /** The partnerships that transferred the practice, earliest first. */
  transfersOf(practiceId: string): Promise<PracticeTransfer[]>;
  /** Records a transfer; the same activity again changes nothing (replays, redeliveries). */
  recordTransfer(tx: Tx, transfer: PracticeTransfer): Promise<void>;
}
