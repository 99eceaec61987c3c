import type { Tx } from '@c2c/persistence';
import { CommissionError } from '../commissions/commission.errors';
import type { Meeting } from './meeting';
import type { MeetingStore } from './ports';

/**
 * A meeting of this commission, locked, at the version the caller expects (when it says one). A meeting
 * of another commission is not found here: the path names the commission it belongs to.
 */
export async function loadMeeting(
  meetings: MeetingStore,
  tx: Tx,
  commissionId: string,
  id: string,
  expectedVersion: number | undefined,
): Promise<Meeting> {
  const meeting = await meetings.findForUpdate(tx, id);
  if (meeting === null || meeting.commissionId !== commissionId) {
    throw CommissionError.meetingNotFound(commissionId, id);
  }
  if (expectedVersion !== undefined && expectedVersion !== meeting.version) {
    throw CommissionError.versionMismatch(`meeting ${id}`, meeting.version);
  }
  return meeting;
}

/** A meeting still scheduled, locked: what holding and cancelling start from. */
export async function loadScheduledMeeting(
  meetings: MeetingStore,
  tx: Tx,
  commissionId: string,
  id: string,
  expectedVersion: number | undefined,
): Promise<Meeting> {
  const meeting = await loadMeeting(meetings, tx, commissionId, id, expectedVersion);
  if (meeting.status !== 'scheduled') throw CommissionError.meetingNotScheduled(id, meeting.status);
  return meeting;
}
