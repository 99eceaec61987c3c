import type { Tx } from '@c2c/persistence';
import type { Meeting } from './meeting';

/** Injection token of the {@link MeetingStore}. */
export const MEETING_STORE = Symbol('MeetingStore');

/** Where a list of meetings resumes: strictly after this one, earliest start first. */
export interface MeetingPosition {
  startsAt: string;
  id: string;
}

export interface MeetingStore {
  /** The meeting, its row locked until the transaction ends (holding, cancelling, adopting at it). */
  findForUpdate(tx: Tx, id: string): Promise<Meeting | null>;
  insert(tx: Tx, meeting: Meeting): Promise<void>;
  update(tx: Tx, meeting: Meeting): Promise<void>;
  findById(id: string): Promise<Meeting | null>;
  /** A commission's meetings, earliest start first, at most `take`, after `after`. */
  list(commissionId: string, take: number, after?: MeetingPosition): Promise<Meeting[]>;
}
