import {
  canActOnPartnership,
  canAdminister,
  canChangeUserState,
  canProposePartnership,
  partnershipActionsFor,
  pendingCitiesFor,
  type PartnershipFacts,
  type Viewer,
} from './permissions';

const A = 'city-a';
const B = 'city-b';
const C = 'city-c';

const secretariat: Viewer = { userId: 'u-sec', roles: ['secretariat'] };
const officerOf = (cityId: string): Viewer => ({ userId: `u-${cityId}`, roles: ['city-officer'], cityId });
const observer: Viewer = { userId: 'u-obs', roles: ['observer'] };
const cityless: Viewer = { userId: 'u-none', roles: ['city-officer'], cityId: null };

const partnership = (
  status: PartnershipFacts['status'],
  accepted: Partial<Record<string, string>> = {},
): PartnershipFacts => ({
  status,
  proposerCityId: A,
  participants: [
    { cityId: A, role: 'proposer', acceptedAt: '2026-01-01T00:00:00Z' },
    { cityId: B, role: 'partner', acceptedAt: accepted[B] ?? null },
  ],
});

describe('permissions', () => {
  it('lets the invited city, not the proposer or a stranger, accept or decline a proposal', () => {
    const proposed = partnership('proposed');
    expect(partnershipActionsFor(officerOf(B), proposed)).toEqual(['accept', 'decline']);
    expect(partnershipActionsFor(officerOf(A), proposed)).toEqual(['withdraw']);
    expect(partnershipActionsFor(officerOf(C), proposed)).toEqual([]);
  });

  it('stops offering acceptance once the city has accepted', () => {
    const acceptedByB = partnership('proposed', { [B]: '2026-01-02T00:00:00Z' });
    expect(canActOnPartnership(officerOf(B), 'accept', acceptedByB)).toBe(false);
    expect(pendingCitiesFor(secretariat, acceptedByB)).toEqual([]);
  });

  it('lets participants suspend, terminate and record activities on an active partnership', () => {
    const active = partnership('active', { [B]: '2026-01-02T00:00:00Z' });
    expect(partnershipActionsFor(officerOf(B), active)).toEqual(['suspend', 'terminate', 'record-activity']);
    expect(partnershipActionsFor(officerOf(C), active)).toEqual([]);
  });

  it('offers resume only on a suspended partnership and nothing on a final one', () => {
    expect(partnershipActionsFor(officerOf(A), partnership('suspended'))).toEqual(['resume', 'terminate']);
    for (const status of ['declined', 'withdrawn', 'terminated', 'expired'] as const) {
      expect(partnershipActionsFor(secretariat, partnership(status))).toEqual([]);
    }
  });

  it('lets the secretariat act for any city', () => {
    expect(partnershipActionsFor(secretariat, partnership('proposed'))).toEqual([
      'accept',
      'decline',
      'withdraw',
    ]);
    expect(pendingCitiesFor(secretariat, partnership('proposed'))).toEqual([B]);
    expect(canProposePartnership(secretariat)).toBe(true);
  });

  it('gives an observer, a cityless officer and nobody any action at all', () => {
    for (const viewer of [observer, cityless, null]) {
      expect(canProposePartnership(viewer)).toBe(false);
      for (const status of ['proposed', 'active', 'suspended'] as const) {
        expect(partnershipActionsFor(viewer, partnership(status))).toEqual([]);
      }
      expect(canAdminister(viewer)).toBe(false);
    }
  });

  it('keeps user administration for the secretariat, never on their own account', () => {
    const other = { id: 'u-b', deactivatedAt: null };
    expect(canChangeUserState(secretariat, other)).toBe(true);
    expect(canChangeUserState(secretariat, { id: secretariat.userId, deactivatedAt: null })).toBe(false);
    expect(canChangeUserState(officerOf(A), other)).toBe(false);
  });
});
