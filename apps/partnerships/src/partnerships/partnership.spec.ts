import { randomUUID } from 'node:crypto';
import { validateEventData } from '@c2c/contracts';
import { Partnership } from './partnership';
import { PartnershipError, PartnershipErrorCode } from './partnership.errors';
import { eventOf, PLATFORM_ACTOR } from './partnership.events';
import type { PartnershipChange, ProposalInput } from './partnership.types';

const [surabaya, kitakyushu, daNang] = [randomUUID(), randomUUID(), randomUUID()];
const t0 = new Date('2026-03-01T08:00:00Z');
const later = (days: number) => new Date(t0.getTime() + days * 86_400_000);

const proposal = (overrides: Partial<ProposalInput> = {}): ProposalInput => ({
  type: 'multilateral-network',
  title: 'Asian Coastal Resilience Network',
  participants: [
    { cityId: surabaya, name: 'Surabaya', countryCode: 'ID' },
    { cityId: kitakyushu, name: 'Kitakyushu', countryCode: 'JP' },
    { cityId: daNang, name: 'Da Nang', countryCode: 'VN' },
  ],
  cooperationAreas: ['disaster-risk-reduction', 'environment-and-climate'],
  startDate: '2026-04-01',
  endDate: '2029-03-31',
  ...overrides,
});

function refusal(work: () => unknown): PartnershipError {
  try {
    work();
  } catch (error) {
    if (error instanceof PartnershipError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function active(): Partnership {
  const { partnership } = Partnership.propose(proposal(), t0);
  partnership.accept(kitakyushu, later(1));
  partnership.accept(daNang, later(2));
  return partnership;
}

describe(Partnership.name, () => {
  it('is proposed with the proposer accepted by proposing', () => {
    const { partnership, change } = Partnership.propose(proposal(), t0);
    expect(partnership.status).toBe('proposed');
    expect(change).toMatchObject({ kind: 'proposed', from: null, to: 'proposed', cityId: surabaya });
    expect(change.snapshot.participants.map((p) => [p.role, p.acceptedAt])).toEqual([
      ['proposer', t0.toISOString()],
      ['partner', null],
      ['partner', null],
    ]);
  });

  it('activates only when the last of three participants accepts, after its own accepted change', () => {
    const { partnership } = Partnership.propose(proposal(), t0);
    const first = partnership.accept(kitakyushu, later(1));
    expect(first.map((c) => [c.kind, c.to])).toEqual([['accepted', 'proposed']]);
    const last = partnership.accept(daNang, later(2));
    expect(last.map((c) => [c.kind, c.snapshot.status])).toEqual([
      ['accepted', 'proposed'],
      ['activated', 'active'],
    ]);
    expect(last[1]?.snapshot.participants.every((p) => p.acceptedAt !== null)).toBe(true);
  });

  it('refuses a second acceptance and a non-participant with the current state', () => {
    const { partnership } = Partnership.propose(proposal(), t0);
    partnership.accept(kitakyushu, later(1));
    expect(refusal(() => partnership.accept(kitakyushu, later(2))).currentStatus).toBe('proposed');
    expect(refusal(() => partnership.accept(randomUUID(), later(2))).code).toBe(
      PartnershipErrorCode.RuleViolation,
    );
  });

  it('lets a partner decline but not the proposer, who withdraws instead', () => {
    const { partnership } = Partnership.propose(proposal(), t0);
    expect(refusal(() => partnership.decline(surabaya, undefined, later(1))).details.fields?.[0]?.field).toBe(
      'cityId',
    );
    expect(partnership.decline(daNang, 'council vote', later(1))).toMatchObject({
      kind: 'declined',
      to: 'declined',
    });
    const error = refusal(() => partnership.withdraw('too late', later(2)));
    expect(error.code).toBe(PartnershipErrorCode.InvalidTransition);
    expect(error.currentStatus).toBe('declined');
  });

  it('suspends, resumes and terminates with reasons; nothing after termination', () => {
    const partnership = active();
    expect(partnership.suspend('elections', later(3))).toMatchObject({
      from: 'active',
      to: 'suspended',
      reason: 'elections',
    });
    expect(refusal(() => partnership.suspend('again', later(4))).currentStatus).toBe('suspended');
    expect(partnership.resume('new council', later(5)).to).toBe('active');
    expect(partnership.terminate('merged', later(6)).to).toBe('terminated');
    expect(refusal(() => partnership.resume('no', later(7))).currentStatus).toBe('terminated');
  });

  it('expires the day after its end date, also while suspended', () => {
    const partnership = active();
    partnership.suspend('pause', later(3));
    expect(() => partnership.expire('2029-03-31', later(4))).toThrow('has not reached its end');
    expect(partnership.expire('2029-04-05', later(5))).toMatchObject({
      kind: 'expired',
      to: 'expired',
      expiredOn: '2029-04-01',
    });
  });

  it('flags dormancy counted from activation, and a new activity clears it', () => {
    const partnership = active();
    expect(partnership.activityReference).toBe('2026-03-03');
    expect(partnership.flagDormant('2027-04-10', later(400))).toMatchObject({
      kind: 'dormant',
      lastActivityOn: null,
      monthsWithoutActivity: 13,
    });
    expect(partnership.toState().dormantSince).toBe('2027-04-10');
    partnership.recordActivity(
      {
        kind: 'study-visit',
        title: 'Visit',
        startDate: '2027-05-01',
        endDate: '2027-05-03',
        participatingCityIds: [surabaya],
      },
      later(430),
    );
    expect(partnership.toState()).toMatchObject({ dormantSince: null, lastActivityOn: '2027-05-03' });
  });

  it('refuses an activity naming a city outside the partnership, by field, changing nothing', () => {
    const partnership = active();
    const stranger = randomUUID();
    const before = partnership.toState();
    const error = refusal(() =>
      partnership.recordActivity(
        {
          kind: 'practice-transfer',
          title: 'Composting',
          startDate: '2026-09-07',
          endDate: null,
          participatingCityIds: [surabaya, stranger],
          practiceTransfer: {
            bestPracticeId: randomUUID(),
            sourceCityId: stranger,
            adoptingCityId: surabaya,
          },
        },
        later(3),
      ),
    );
    expect(error).toMatchObject({ code: PartnershipErrorCode.NotParticipant, kind: 'unprocessable' });
    expect(error.details.extensions?.errors).toEqual([
      expect.objectContaining({ field: 'participatingCityIds', cityIds: [stranger] }),
      expect.objectContaining({ field: 'practiceTransfer.sourceCityId', cityIds: [stranger] }),
    ]);
    expect(partnership.toState()).toEqual(before);
  });

  it('reminds of renewal with the days remaining', () => {
    expect(active().remindRenewal('2029-01-01', later(5))).toMatchObject({
      kind: 'renewal-due',
      endDate: '2029-03-31',
      daysRemaining: 89,
    });
  });

  it('turns every change into an event that its contract accepts', () => {
    const changes: PartnershipChange[] = [];
    const { partnership, change } = Partnership.propose(proposal({ sdgTags: [11, 13] }), t0);
    changes.push(
      change,
      ...partnership.accept(kitakyushu, later(1)),
      ...partnership.accept(daNang, later(2)),
    );
    changes.push(
      partnership.recordActivity(
        {
          kind: 'practice-transfer',
          title: 'Takakura composting',
          startDate: '2026-09-07',
          endDate: null,
          participatingCityIds: [kitakyushu, surabaya],
          practiceTransfer: {
            bestPracticeId: randomUUID(),
            sourceCityId: kitakyushu,
            adoptingCityId: surabaya,
          },
        },
        later(3),
      ),
      partnership.flagDormant('2028-01-01', later(4)),
      partnership.remindRenewal('2029-01-01', later(5)),
      partnership.suspend('city archived', later(6)),
      partnership.resume('restored', later(7)),
      partnership.expire('2029-04-01', later(8)),
    );
    const declined = Partnership.propose(proposal(), t0).partnership;
    changes.push(declined.decline(daNang, undefined, later(1)));
    const withdrawn = Partnership.propose(proposal(), t0).partnership;
    changes.push(withdrawn.withdraw('superseded', later(1)));
    const terminated = active();
    changes.push(terminated.terminate('ended early', later(9)));
    const types = new Set<string>();
    for (const item of changes) {
      for (const actor of [PLATFORM_ACTOR, { userId: randomUUID() }, { userId: 'idp|42' }]) {
        const event = eventOf(item, actor);
        types.add(event.type);
        const result = validateEventData(event.type, event.data);
        expect(result.ok ? [] : result.errors).toEqual([]);
      }
    }
    expect(types.size).toBe(12);
  });
});
