import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { PartnershipState } from '../partnership.model';
import { actorOf, assertActsForCity } from '../partnership-access';
import { PartnershipStore } from '../partnership-store';

/** An invited city declines a proposal, which ends it. */
@Injectable()
export class DeclinePartnership {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly store: PartnershipStore,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    cityId: string,
    reason?: string,
  ): Promise<PartnershipState> {
    assertActsForCity(user, cityId, 'decline a partnership');
    return this.transactions.run(async (tx) => {
      const partnership = await this.store.lock(tx, id);
      const change = partnership.decline(cityId, reason, this.clock.now());
      return this.store.record(tx, partnership, [change], actorOf(user, cityId));
    });
  }
}
