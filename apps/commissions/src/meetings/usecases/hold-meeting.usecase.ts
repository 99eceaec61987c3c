import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { assertActsForCommission } from '../../commissions/commission.policy';
import { assertCitiesKnown } from '../../commissions/city.rules';
import {
  CITY_STORE,
  type CityStore,
  type EventOutbox,
  type Transactions,
} from '../../commissions/usecases/ports';
import { holdMeeting, type Meeting } from '../meeting';
import { meetingHeldData } from '../meeting.events';
import { loadScheduledMeeting } from '../meeting.rules';
import { MEETING_STORE, type MeetingStore } from '../ports';

/** A scheduled meeting took place: its attendance by city and its minutes are recorded. */
@Injectable()
export class HoldMeeting {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(MEETING_STORE) private readonly meetings: MeetingStore,
    @Inject(CITY_STORE) private readonly cities: CityStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    commissionId: string,
    meetingId: string,
    input: { attendingCityIds: string[]; minutes: string },
    expectedVersion?: number,
  ): Promise<Meeting> {
    assertActsForCommission(user, commissionId, 'record its meetings');
    return this.transactions.run(async (tx) => {
      const scheduled = await loadScheduledMeeting(
        this.meetings,
        tx,
        commissionId,
        meetingId,
        expectedVersion,
      );
      await assertCitiesKnown(this.cities, tx, [
        { field: 'attendingCityIds', cityIds: input.attendingCityIds, archivedAllowed: true },
      ]);
      const held = holdMeeting(scheduled, input.attendingCityIds, input.minutes, this.clock.now());
      await this.meetings.update(tx, held);
      await this.outbox.add(tx, 'c2c.commission.meeting-held.v1', meetingHeldData(held), {
        aggregateId: commissionId,
      });
      return held;
    });
  }
}
