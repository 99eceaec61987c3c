import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelopeOf } from '@c2c/contracts';
import { HandlesEvent } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { BEST_PRACTICE_STORE, type BestPracticeStore } from './ports';

/**
 * A partnership recorded a practice transfer: the practice's page lists the partnership. Partnerships
 * admits only published practices of its own read model, so the practice is one of the library's.
 */
@Injectable()
export class PracticeTransferHandlers {
  constructor(@Inject(BEST_PRACTICE_STORE) private readonly practices: BestPracticeStore) {}

  @HandlesEvent('c2c.partnership.activity-recorded.v1')
  async onActivityRecorded(
    event: EventEnvelopeOf<'c2c.partnership.activity-recorded.v1'>,
    tx: Tx,
  ): Promise<void> {
    const { partnership, activity } = event.data;
    const transfer = activity.practiceTransfer;
    if (activity.kind !== 'practice-transfer' || transfer === undefined) return;
    await this.practices.recordTransfer(tx, {
      activityId: activity.activityId,
      practiceId: transfer.bestPracticeId,
      partnershipId: partnership.partnershipId,
      partnershipTitle: partnership.title,
      sourceCityId: transfer.sourceCityId,
      adoptingCityId: transfer.adoptingCityId,
      startDate: activity.startDate,
    });
  }
}
