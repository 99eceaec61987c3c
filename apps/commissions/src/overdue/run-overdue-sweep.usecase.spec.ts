import type { Tx } from '@c2c/persistence';
import { FakeOutbox, fakeTransactions } from '@c2c/service/testing';
import { FixedClock } from '@c2c/platform';
import { FIRST, meetingSetup, secretariat, KNOWN_CITY } from '../../test/support/meeting-unit-fixtures';
import { isEnded, type FollowUpAction } from '../resolutions/resolution';
import type { OverdueStore } from './ports';
import { RunOverdueSweep } from './run-overdue-sweep.usecase';

const OWNER = KNOWN_CITY;

/** The sweep's store over the resolutions fake: running actions due before today, not yet announced. */
class FakeOverdue implements OverdueStore {
  readonly announced = new Set<string>();
  constructor(private readonly actions: () => FollowUpAction[]) {}
  claimOverdue(_tx: Tx, today: string, limit: number): Promise<FollowUpAction[]> {
    return Promise.resolve(
      this.actions()
        .filter((a) => !isEnded(a.status) && a.dueDate < today && !this.announced.has(a.id))
        .slice(0, limit),
    );
  }
  recordAnnounced(_tx: Tx, actionId: string): Promise<boolean> {
    if (this.announced.has(actionId)) return Promise.resolve(false);
    this.announced.add(actionId);
    return Promise.resolve(true);
  }
}

describe(RunOverdueSweep.name, () => {
  it('announces a running action past its due day once, with whole days overdue; ended and not-yet-due ones never', async () => {
    const { adopted, resolutions, changeStatus } = meetingSetup();
    const late = await adopted(FIRST, OWNER, '2026-12-31');
    const notYet = await adopted(FIRST, OWNER, '2027-01-02');
    const done = await adopted(FIRST, OWNER, '2026-12-01');
    await changeStatus.execute(secretariat(), FIRST, done.id, done.actions[0]?.id ?? '', 'done');
    const outbox = new FakeOutbox();
    const clock = new FixedClock(new Date('2027-01-02T08:00:00Z'));
    const sweep = new RunOverdueSweep(
      fakeTransactions,
      new FakeOverdue(() => [...resolutions.actions.values()]),
      outbox,
    );

    expect(await sweep.run(clock.now())).toBe(1);
    expect(await sweep.run(clock.now())).toBe(0);
    expect(outbox.ofType('c2c.commission.action-overdue.v1')).toEqual([
      {
        commissionId: FIRST,
        resolutionId: late.id,
        actionId: late.actions[0]?.id,
        ownerCityId: OWNER,
        dueDate: '2026-12-31',
        daysOverdue: 2,
      },
    ]);
    expect(notYet.actions[0]?.status).toBe('open');
  });
});
