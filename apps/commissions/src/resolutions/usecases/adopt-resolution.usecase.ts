import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import { Outbox } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { CommissionError } from '../../commissions/commission.errors';
import { assertActsForCommission } from '../../commissions/commission.policy';
import { assertCitiesKnown } from '../../commissions/city.rules';
import {
  CITY_STORE,
  type CityStore,
  type EventOutbox,
  type Transactions,
} from '../../commissions/usecases/ports';
import { MEETING_STORE, type MeetingStore } from '../../meetings/ports';
import type { Resolution, ResolutionKind } from '../resolution';
import { resolutionAdoptedData } from '../resolution.events';
import { RESOLUTION_STORE, type ResolutionStore } from '../ports';

export interface AdoptResolutionInput {
  meetingId: string;
  kind: ResolutionKind;
  title: string;
  text: string;
  actions?: { ownerCityId: string; description: string; dueDate: string }[];
}

/** The commission adopts a resolution or declaration at a meeting that was held. */
@Injectable()
export class AdoptResolution {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(MEETING_STORE) private readonly meetings: MeetingStore,
    @Inject(RESOLUTION_STORE) private readonly resolutions: ResolutionStore,
    @Inject(CITY_STORE) private readonly cities: CityStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    commissionId: string,
    input: AdoptResolutionInput,
  ): Promise<Resolution> {
    assertActsForCommission(user, commissionId, 'adopt its resolutions');
    return this.transactions.run(async (tx) => {
      // Locked: a meeting's state cannot change under an adoption (and a held one never changes again).
      const meeting = await this.meetings.findForUpdate(tx, input.meetingId);
      if (meeting === null || meeting.commissionId !== commissionId) {
        throw CommissionError.meetingUnknown(commissionId, input.meetingId);
      }
      if (meeting.status !== 'held') throw CommissionError.meetingNotHeld(meeting.id, meeting.status);
      // An action is owned by a current city: its officers are the ones who will report on it.
      await assertCitiesKnown(
        this.cities,
        tx,
        (input.actions ?? []).map((action, index) => ({
          field: `actions[${index}].ownerCityId`,
          cityIds: [action.ownerCityId],
        })),
      );
      const now = this.clock.now();
      const id = randomUUID();
      const resolution: Resolution = {
        id,
        commissionId,
        meetingId: meeting.id,
        kind: input.kind,
        title: input.title,
        text: input.text,
        adoptedBy: user.userId,
        version: 1,
        createdAt: now,
        actions: (input.actions ?? []).map((action, position) => ({
          id: randomUUID(),
          resolutionId: id,
          commissionId,
          position,
          ownerCityId: action.ownerCityId,
          description: action.description,
          dueDate: action.dueDate,
          status: 'open',
          version: 1,
          createdAt: now,
          updatedAt: now,
        })),
      };
      await this.resolutions.insert(tx, resolution);
      await this.outbox.add(tx, 'c2c.commission.resolution-adopted.v1', resolutionAdoptedData(resolution), {
        aggregateId: commissionId,
      });
      return resolution;
    });
  }
}
