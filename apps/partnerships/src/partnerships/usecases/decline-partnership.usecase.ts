import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { PartnershipChangesRecorder } from '../partnership-changes.recorder';
import { actorOf, assertActsForCity } from '../partnership.policy';
import type { PartnershipState } from '../partnership.types';
import type { Transactions } from './ports';

export interface DeclinePartnershipCommand {
  /** The invited city that declines. */
  cityId: string;
  reason?: string;
}

/** An invited city declines a proposal, which ends it. */
@Injectable()
export class DeclinePartnership {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    private readonly changes: PartnershipChangesRecorder,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    { cityId, reason }: DeclinePartnershipCommand,
    expectedVersion?: number,
  ): Promise<PartnershipState> {
    assertActsForCity(user, cityId, 'decline a partnership');
    return this.transactions.run(async (tx) => {
      const partnership = await this.changes.loadForChange(tx, id, expectedVersion);
      const declined = partnership.decline(cityId, reason, this.clock.now());
      return this.changes.record(tx, partnership, [declined], actorOf(user, cityId));
    });
  }
}
