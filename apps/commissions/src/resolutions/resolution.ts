// The resolution domain: plain types and rules, no Nest, no TypeORM.
import { ACTION_STATUSES, type ActionStatus, RESOLUTION_KINDS, type ResolutionKind } from '@c2c/contracts';

export { ACTION_STATUSES, type ActionStatus, RESOLUTION_KINDS, type ResolutionKind };

/** A follow-up action of a resolution; changed on its own (its status), so it has its own version. */
export interface FollowUpAction {
  id: string;
  resolutionId: string;
  commissionId: string;
  /** Its place in the text of the resolution, from 0. */
  position: number;
  ownerCityId: string;
  description: string;
  /** The day it is due, YYYY-MM-DD. */
  dueDate: string;
  status: ActionStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A resolution or declaration adopted at a held meeting; its text never changes once adopted. */
export interface Resolution {
  id: string;
  commissionId: string;
  meetingId: string;
  kind: ResolutionKind;
  title: string;
  text: string;
  adoptedBy: string;
  version: number;
  createdAt: Date;
  actions: FollowUpAction[];
}

/** `done` and `dropped` end an action: it is never reopened, and never overdue. */
export const isEnded = (status: ActionStatus): boolean => status === 'done' || status === 'dropped';

export function changeStatus(action: FollowUpAction, status: ActionStatus, at: Date): FollowUpAction {
  return { ...action, status, version: action.version + 1, updatedAt: at };
}
