import type { Tx } from '@c2c/persistence';
import type { FollowUpAction, Resolution } from './resolution';

/** Injection token of the {@link ResolutionStore}. */
export const RESOLUTION_STORE = Symbol('ResolutionStore');

/** Where a list of resolutions resumes: strictly after this one, newest first. */
export interface ResolutionPosition {
  createdAt: string;
  id: string;
}

export interface ResolutionStore {
  /** The resolution and its actions. */
  insert(tx: Tx, resolution: Resolution): Promise<void>;
  /** A commission's resolutions with their actions, newest first, at most `take`, after `after`. */
  list(commissionId: string, take: number, after?: ResolutionPosition): Promise<Resolution[]>;
  /** The action, its row locked until the transaction ends. */
  findActionForUpdate(tx: Tx, id: string): Promise<FollowUpAction | null>;
  updateAction(tx: Tx, action: FollowUpAction): Promise<void>;
}
