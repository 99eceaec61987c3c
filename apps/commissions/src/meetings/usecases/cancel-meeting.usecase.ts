import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { assertActsForCommission } from '../../commissions/commission.policy';
import type { EventOutbox, Transactions } from '../../commissions/usecases/ports';
import { cancelMeeting, type Meeting } from '../meeting';
import { meetingCancelledData } from '../meeting.events';
import { loadScheduledMeeting } from '../meeting.rules';
import { MEETING_STORE, type MeetingStore } from '../ports';

/** A scheduled meeting is called off, for good: it is never held and adopts nothing. */
@Injectable()
export class CancelMeeting {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(MEETING_STORE) private readonly meetings: MeetingStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    commissionId: string,
    meetingId: string,
    reason: string,
    expectedVersion?: number,
  ): Promise<Meeting> {
    assertActsForCommission(user, commissionId, 'cancel its meetings');
    return this.transactions.run(async (tx) => {
      const scheduled = await loadScheduledMeeting(
        this.meetings,
        tx,
        commissionId,
        meetingId,
        expectedVersion,
      );
      const cancelled = cancelMeeting(scheduled, reason, this.clock.now());
      await this.meetings.update(tx, cancelled);
      await this.outbox.add(tx, 'c2c.commission.meeting-cancelled.v1', meetingCancelledData(cancelled), {
        aggregateId: commissionId,
      });
      return cancelled;
    });
  }
}
