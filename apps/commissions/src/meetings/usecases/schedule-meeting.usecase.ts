import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { assertCitiesKnown } from '../../commissions/city.rules';
import { CommissionError } from '../../commissions/commission.errors';
import { assertActsForCommission } from '../../commissions/commission.policy';
import {
  CITY_STORE,
  type CityStore,
  COMMISSION_STORE,
  type CommissionStore,
  type EventOutbox,
  type Transactions,
} from '../../commissions/usecases/ports';
import { meetingScheduledData } from '../meeting.events';
import type { Meeting, MeetingAgendaItem } from '../meeting';
import { MEETING_STORE, type MeetingStore } from '../ports';

export interface ScheduleMeetingInput {
  title: string;
  startsAt: string;
  timeZone: string;
  hostCityId?: string;
  onlineUrl?: string;
  agenda?: MeetingAgendaItem[];
}

/** The secretariat or an officer of the commission schedules a meeting, in a city, online, or both. */
@Injectable()
export class ScheduleMeeting {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(COMMISSION_STORE) private readonly commissions: CommissionStore,
    @Inject(MEETING_STORE) private readonly meetings: MeetingStore,
    @Inject(CITY_STORE) private readonly cities: CityStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    commissionId: string,
    input: ScheduleMeetingInput,
  ): Promise<Meeting> {
    assertActsForCommission(user, commissionId, 'schedule its meetings');
    if (input.hostCityId === undefined && input.onlineUrl === undefined) {
      // The contract requires one of them; the DTO cannot say "at least one of two fields".
      throw CommissionError.rules([
        { field: 'hostCityId', message: 'a meeting has a host city, an online link, or both' },
        { field: 'onlineUrl', message: 'a meeting has a host city, an online link, or both' },
      ]);
    }
    return this.transactions.run(async (tx) => {
      if ((await this.commissions.findView(commissionId, tx)) === null) {
        throw CommissionError.commissionNotFound(commissionId);
      }
      if (input.hostCityId !== undefined) {
        await assertCitiesKnown(this.cities, tx, [{ field: 'hostCityId', cityIds: [input.hostCityId] }]);
      }
      const now = this.clock.now();
      const meeting: Meeting = {
        id: randomUUID(),
        commissionId,
        title: input.title,
        startsAt: new Date(input.startsAt),
        timeZone: input.timeZone,
        hostCityId: input.hostCityId ?? null,
        onlineUrl: input.onlineUrl ?? null,
        agenda: input.agenda ?? [],
        status: 'scheduled',
        heldOn: null,
        attendingCityIds: [],
        minutes: null,
        cancellationReason: null,
        scheduledBy: user.userId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await this.meetings.insert(tx, meeting);
      await this.outbox.add(tx, 'c2c.commission.meeting-scheduled.v1', meetingScheduledData(meeting), {
        aggregateId: commissionId,
      });
      return meeting;
    });
  }
}
