import type { Tx } from '@c2c/persistence';
import { FixedClock } from '@c2c/platform';
import { FakeOutbox, fakeTransactions } from '@c2c/service/testing';
import type { Meeting } from '../../src/meetings/meeting';
import type { MeetingPosition, MeetingStore } from '../../src/meetings/ports';
import { CancelMeeting } from '../../src/meetings/usecases/cancel-meeting.usecase';
import { HoldMeeting } from '../../src/meetings/usecases/hold-meeting.usecase';
import { ScheduleMeeting } from '../../src/meetings/usecases/schedule-meeting.usecase';
import type { FollowUpAction, Resolution } from '../../src/resolutions/resolution';
import type { ResolutionPosition, ResolutionStore } from '../../src/resolutions/ports';
import { AdoptResolution } from '../../src/resolutions/usecases/adopt-resolution.usecase';
import { ChangeActionStatus } from '../../src/resolutions/usecases/change-action-status.usecase';
import { FakeCommissionState, portsOf, secretariat } from './fake-commission-ports';

export * from './fake-commission-ports';
export { FIRST, SECOND, THIRD } from './commission-unit-fixtures';

const copy = <T extends object>(value: T): T => structuredClone(value);

/** The meetings in memory; copies in and out, as in the commission fakes. */
export class FakeMeetings implements MeetingStore {
  readonly rows = new Map<string, Meeting>();

  findForUpdate(_tx: Tx, id: string): Promise<Meeting | null> {
    return this.findById(id);
  }
  insert(_tx: Tx, meeting: Meeting): Promise<void> {
    this.rows.set(meeting.id, copy(meeting));
    return Promise.resolve();
  }
  update(_tx: Tx, meeting: Meeting): Promise<void> {
    this.rows.set(meeting.id, copy(meeting));
    return Promise.resolve();
  }
  findById(id: string): Promise<Meeting | null> {
    const found = this.rows.get(id);
    return Promise.resolve(found ? copy(found) : null);
  }
  list(commissionId: string, take: number, after?: MeetingPosition): Promise<Meeting[]> {
    const rows = [...this.rows.values()]
      .filter((m) => m.commissionId === commissionId)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
      .filter((m) => after === undefined || m.startsAt.toISOString() > after.startsAt);
    return Promise.resolve(rows.slice(0, take).map(copy));
  }
}

/** The resolutions and their actions in memory. */
export class FakeResolutions implements ResolutionStore {
  readonly resolutions = new Map<string, Omit<Resolution, 'actions'>>();
  readonly actions = new Map<string, FollowUpAction>();

  insert(_tx: Tx, resolution: Resolution): Promise<void> {
    const { actions, ...row } = copy(resolution);
    this.resolutions.set(row.id, row);
    for (const action of actions) this.actions.set(action.id, action);
    return Promise.resolve();
  }
  list(commissionId: string, take: number, after?: ResolutionPosition): Promise<Resolution[]> {
    const rows = [...this.resolutions.values()]
      .filter((r) => r.commissionId === commissionId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))
      .filter((r) => after === undefined || r.createdAt.toISOString() < after.createdAt)
      .slice(0, take);
    return Promise.resolve(
      rows.map((r) => ({
        ...copy(r),
        actions: [...this.actions.values()]
          .filter((a) => a.resolutionId === r.id)
          .sort((a, b) => a.position - b.position)
          .map(copy),
      })),
    );
  }
  findActionForUpdate(_tx: Tx, id: string): Promise<FollowUpAction | null> {
    const found = this.actions.get(id);
    return Promise.resolve(found ? copy(found) : null);
  }
  updateAction(_tx: Tx, action: FollowUpAction): Promise<void> {
    this.actions.set(action.id, copy(action));
    return Promise.resolve();
  }
}

/** Cities the meeting fakes know from the start (the read model's): one owns actions, one does not. */
export const [KNOWN_CITY, OTHER_KNOWN_CITY] = [
  '5b0e8a52-95f5-4d8e-9a8f-0b6c1b7f7a11',
  '6c1f9b63-a6f6-4e9f-8b90-1c7d2c808b22',
];

/** The unit tier's world for meeting use cases: each wired to the same fakes and a fixed clock. */
export function meetingSetup(now = new Date('2026-06-02T09:00:00Z')) {
  const clock = new FixedClock(now);
  const state = new FakeCommissionState(now);
  state.city('Surabaya', { cityId: KNOWN_CITY, countryCode: 'ID' });
  state.city('Kitakyushu', { cityId: OTHER_KNOWN_CITY });
  const outbox = new FakeOutbox();
  const meetings = new FakeMeetings();
  const { commissions, cities } = portsOf(state);
  const schedule = new ScheduleMeeting(fakeTransactions, commissions, meetings, cities, outbox, clock);
  const hold = new HoldMeeting(fakeTransactions, meetings, cities, outbox, clock);
  const cancel = new CancelMeeting(fakeTransactions, meetings, outbox, clock);
  const resolutions = new FakeResolutions();
  const adopt = new AdoptResolution(fakeTransactions, meetings, resolutions, cities, outbox, clock);
  const changeStatus = new ChangeActionStatus(fakeTransactions, resolutions, outbox, clock);
  const scheduled = (commissionId: string) =>
    schedule.execute(secretariat(), commissionId, {
      title: 'Second meeting, Surabaya',
      startsAt: '2026-10-13T20:00:00Z',
      timeZone: 'Asia/Jakarta',
      onlineUrl: 'https://meet.example.org/c2c',
      agenda: [{ title: 'Opening' }],
    });
  const held = async (commissionId: string) => {
    const meeting = await scheduled(commissionId);
    return hold.execute(secretariat(), commissionId, meeting.id, { attendingCityIds: [], minutes: 'Met.' });
  };
  /** A resolution adopted at a held meeting, with one action owned by `ownerCityId`, due on `dueDate`. */
  const adopted = async (commissionId: string, ownerCityId: string, dueDate = '2026-12-31') => {
    const meeting = await held(commissionId);
    return adopt.execute(secretariat(), commissionId, {
      meetingId: meeting.id,
      kind: 'declaration',
      title: 'Surabaya Declaration',
      text: 'The member cities commit to sharing composting.',
      actions: [{ ownerCityId, description: 'Host a workshop.', dueDate }],
    });
  };
  return {
    clock,
    state,
    outbox,
    meetings,
    resolutions,
    schedule,
    hold,
    cancel,
    adopt,
    changeStatus,
    scheduled,
    held,
    adopted,
  };
}
