import { Inject, Injectable } from '@nestjs/common';
import { actsForCity, actsForCommission, type AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { userRef } from '../../commissions/commission.events';
import { CommissionError } from '../../commissions/commission.errors';
import type { EventOutbox, Transactions } from '../../commissions/usecases/ports';
import { type ActionStatus, changeStatus, type FollowUpAction, isEnded } from '../resolution';
import { actionStatusChangedData } from '../resolution.events';
import { RESOLUTION_STORE, type ResolutionStore } from '../ports';

/** The owner city's officers, or the commission's, move a follow-up action along (or drop it). */
@Injectable()
export class ChangeActionStatus {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(RESOLUTION_STORE) private readonly resolutions: ResolutionStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    commissionId: string,
    resolutionId: string,
    actionId: string,
    status: ActionStatus,
    expectedVersion?: number,
  ): Promise<FollowUpAction> {
    return this.transactions.run(async (tx) => {
      const action = await this.resolutions.findActionForUpdate(tx, actionId);
      // The path names the commission and resolution it belongs to; another's is not found here.
      if (action === null || action.resolutionId !== resolutionId || action.commissionId !== commissionId) {
        throw CommissionError.actionNotFound(resolutionId, actionId);
      }
      // Object-level: who may act depends on the action's owner city, so it is read first.
      if (!actsForCommission(user, commissionId) && !actsForCity(user, action.ownerCityId)) {
        throw CommissionError.forbidden(
          `only the secretariat, an officer of commission ${commissionId} or of city ${action.ownerCityId} ` +
            'may change the status of this action',
        );
      }
      if (expectedVersion !== undefined && expectedVersion !== action.version) {
        throw CommissionError.versionMismatch(`action ${actionId}`, action.version);
      }
      if (isEnded(action.status)) throw CommissionError.actionEnded(actionId, action.status);
      // The same status again changes nothing: no new version, no event.
      if (action.status === status) return action;
      const changed = changeStatus(action, status, this.clock.now());
      await this.resolutions.updateAction(tx, changed);
      await this.outbox.add(
        tx,
        'c2c.commission.action-status-changed.v1',
        actionStatusChangedData(changed, action.status, userRef(user)),
        { aggregateId: commissionId },
      );
      return changed;
    });
  }
}
