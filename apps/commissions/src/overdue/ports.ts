import type { Tx } from '@c2c/persistence';
import type { FollowUpAction } from '../resolutions/resolution';

/** Injection token of the {@link OverdueStore}. */
export const OVERDUE_STORE = Symbol('OverdueStore');

export interface OverdueStore {
  /**
   * Up to `limit` running actions due before `today` and not yet announced, locked; rows another
   * instance holds are skipped, so concurrent passes split the work instead of queueing.
   */
  claimOverdue(tx: Tx, today: string, limit: number): Promise<FollowUpAction[]>;
  /** Records the announcement; false when it was recorded before, and so must not be announced again. */
  recordAnnounced(tx: Tx, actionId: string, at: Date): Promise<boolean>;
}
