import { PARTNERSHIP_STATUSES, PartnershipStatus } from '@c2c/contracts';
import {
  InvalidTransition,
  isAllowed,
  isFinal,
  nextStatus,
  Transition,
  TRANSITIONS,
  transitionsFrom,
} from './partnership.state-machine';

describe('partnership state machine', () => {
  it.each<[PartnershipStatus, Transition, PartnershipStatus]>([
    ['proposed', 'activate', 'active'],
    ['proposed', 'decline', 'declined'],
    ['proposed', 'withdraw', 'withdrawn'],
    ['active', 'suspend', 'suspended'],
    ['suspended', 'resume', 'active'],
    ['active', 'terminate', 'terminated'],
    ['suspended', 'terminate', 'terminated'],
    ['active', 'expire', 'expired'],
    ['suspended', 'expire', 'expired'],
  ])('%s --%s--> %s', (from, transition, to) => {
    expect(nextStatus(from, transition)).toBe(to);
  });

  it('refuses every other pair with the current state', () => {
    const allowed = new Set(
      Object.entries(TRANSITIONS).flatMap(([transition, { from }]) =>
        from.map((status) => `${status}:${transition}`),
      ),
    );
    let refused = 0;
    for (const status of PARTNERSHIP_STATUSES) {
      for (const transition of Object.keys(TRANSITIONS) as Transition[]) {
        if (allowed.has(`${status}:${transition}`)) continue;
        expect(() => nextStatus(status, transition)).toThrow(InvalidTransition);
        try {
          nextStatus(status, transition);
        } catch (error) {
          expect((error as InvalidTransition).current).toBe(status);
        }
        refused++;
      }
    }
    expect(refused).toBe(PARTNERSHIP_STATUSES.length * Object.keys(TRANSITIONS).length - allowed.size);
  });

  it('has declined, withdrawn, terminated and expired as final states', () => {
    expect(PARTNERSHIP_STATUSES.filter(isFinal)).toEqual(['declined', 'withdrawn', 'terminated', 'expired']);
    expect(transitionsFrom('active')).toEqual(['suspend', 'terminate', 'expire']);
  });

  it('allows acceptance only while proposed and activities only while active', () => {
    expect(PARTNERSHIP_STATUSES.filter((s) => isAllowed('accept', s))).toEqual(['proposed']);
    expect(PARTNERSHIP_STATUSES.filter((s) => isAllowed('record-activity', s))).toEqual(['active']);
  });
});
