import {
  actingCityOf,
  canChangeCommissionOfficers,
  canRedeliverWebhook,
  canReplayDeadLetter,
  actionStatusesFor,
  canActOnPartnership,
  canApplyToCommission,
  canDecideMembershipRequest,
  canCancelMeeting,
  canRecordMeeting,
  canScheduleMeeting,
  canReviewPractice,
  canRevisePractice,
  canSeeUnpublishedPractices,
  canSubmitPractice,
  reviewCommissionChoicesFor,
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

describe('permissions: commissions and the library', () => {
  const K1 = 'commission-1';
  const K2 = 'commission-2';
  const officerOfCommissions = (...commissionIds: string[]): Viewer => ({
    userId: 'u-k',
    roles: ['commission-officer'],
    commissionIds,
  });

  it('lets a city officer apply for their own city only, the secretariat for any, an observer not', () => {
    expect(canApplyToCommission(officerOf(A))).toBe(true);
    expect(actingCityOf(officerOf(A))).toBe(A);
    expect(canApplyToCommission(secretariat)).toBe(true);
    expect(actingCityOf(secretariat)).toBeNull();
    for (const viewer of [observer, cityless, officerOfCommissions(K1), null]) {
      expect(canApplyToCommission(viewer)).toBe(false);
    }
  });

  it("lets only that commission's officers and the secretariat decide a pending application", () => {
    const pending = { status: 'pending' } as const;
    expect(canDecideMembershipRequest(officerOfCommissions(K1), K1, pending)).toBe(true);
    expect(canDecideMembershipRequest(officerOfCommissions(K2), K1, pending)).toBe(false);
    expect(canDecideMembershipRequest(secretariat, K1, pending)).toBe(true);
    expect(canDecideMembershipRequest(officerOf(A), K1, pending)).toBe(false);
    expect(canDecideMembershipRequest(observer, K1, pending)).toBe(false);
    expect(canDecideMembershipRequest(secretariat, K1, { status: 'approved' })).toBe(false);
  });

  it("lets only that commission's officers and the secretariat schedule its meetings, record or cancel a scheduled one", () => {
    for (const viewer of [officerOfCommissions(K1), secretariat]) {
      expect(canScheduleMeeting(viewer, K1)).toBe(true);
      expect(canCancelMeeting(viewer, K1, { status: 'scheduled' })).toBe(true);
      expect(canRecordMeeting(viewer, K1, { status: 'scheduled' })).toBe(true);
      expect(canRecordMeeting(viewer, K1, { status: 'held' })).toBe(false);
      expect(canCancelMeeting(viewer, K1, { status: 'held' })).toBe(false);
      expect(canCancelMeeting(viewer, K1, { status: 'cancelled' })).toBe(false);
    }
    for (const viewer of [officerOfCommissions(K2), officerOf(A), observer, null]) {
      expect(canScheduleMeeting(viewer, K1)).toBe(false);
      expect(canCancelMeeting(viewer, K1, { status: 'scheduled' })).toBe(false);
      expect(canRecordMeeting(viewer, K1, { status: 'scheduled' })).toBe(false);
    }
  });

  it('offers follow-up status changes to the commission, the owner city and the secretariat until ended', () => {
    const open = { status: 'open', ownerCityId: A } as const;
    expect(actionStatusesFor(officerOf(A), K1, open)).toEqual(['in-progress', 'done', 'dropped']);
    expect(actionStatusesFor(officerOfCommissions(K1), K1, open)).toEqual(['in-progress', 'done', 'dropped']);
    expect(actionStatusesFor(secretariat, K1, { status: 'in-progress', ownerCityId: A })).toEqual([
      'open',
      'done',
      'dropped',
    ]);
    expect(actionStatusesFor(officerOf(B), K1, open)).toEqual([]);
    expect(actionStatusesFor(officerOfCommissions(K2), K1, open)).toEqual([]);
    expect(actionStatusesFor(observer, K1, open)).toEqual([]);
    expect(actionStatusesFor(secretariat, K1, { status: 'done', ownerCityId: A })).toEqual([]);
    expect(actionStatusesFor(secretariat, K1, { status: 'dropped', ownerCityId: A })).toEqual([]);
  });

  it('lets cities submit practices and reviewers publish or return submitted ones', () => {
    expect(canSubmitPractice(officerOf(A))).toBe(true);
    expect(canSubmitPractice(secretariat)).toBe(true);
    expect(canSubmitPractice(observer)).toBe(false);
    expect(canSubmitPractice(officerOfCommissions(K1))).toBe(false);
    const submitted = { status: 'submitted' } as const;
    expect(canReviewPractice(officerOfCommissions(K1), submitted)).toBe(true);
    expect(canReviewPractice(secretariat, submitted)).toBe(true);
    expect(canReviewPractice(officerOf(A), submitted)).toBe(false);
    expect(canReviewPractice(observer, submitted)).toBe(false);
    expect(canReviewPractice(secretariat, { status: 'published' })).toBe(false);
    expect(canReviewPractice(secretariat, { status: 'returned' })).toBe(false);
  });

  it('asks an officer of several commissions which one reviews, nobody else', () => {
    expect(reviewCommissionChoicesFor(officerOfCommissions(K1, K2))).toEqual([K1, K2]);
    expect(reviewCommissionChoicesFor(officerOfCommissions(K1))).toEqual([]);
    expect(reviewCommissionChoicesFor(secretariat)).toEqual([]);
  });

  it('leaves the chair and vice-chairs to the secretariat', () => {
    expect(canChangeCommissionOfficers(secretariat)).toBe(true);
    for (const viewer of [officerOfCommissions(K1), officerOf(A), observer, null]) {
      expect(canChangeCommissionOfficers(viewer)).toBe(false);
    }
  });

  it('shows unpublished practices to reviewers and to a city officer for their own city', () => {
    expect(canSeeUnpublishedPractices(secretariat)).toBe(true);
    expect(canSeeUnpublishedPractices(officerOfCommissions(K1))).toBe(true);
    expect(canSeeUnpublishedPractices(officerOf(A), A)).toBe(true);
    expect(canSeeUnpublishedPractices(officerOf(A), B)).toBe(false);
    expect(canSeeUnpublishedPractices(officerOf(A))).toBe(false);
    expect(canSeeUnpublishedPractices(observer, A)).toBe(false);
  });
});

describe('permissions: revising a practice', () => {
  it('lets the secretariat and the officers of its city revise a practice until it is published', () => {
    for (const status of ['submitted', 'returned'] as const) {
      expect(canRevisePractice(officerOf(A), { status, cityId: A })).toBe(true);
      expect(canRevisePractice(secretariat, { status, cityId: A })).toBe(true);
      expect(canRevisePractice(officerOf(B), { status, cityId: A })).toBe(false);
      expect(canRevisePractice(observer, { status, cityId: A })).toBe(false);
      expect(canRevisePractice(cityless, { status, cityId: A })).toBe(false);
    }
    expect(canRevisePractice(officerOf(A), { status: 'published', cityId: A })).toBe(false);
    expect(canRevisePractice(secretariat, { status: 'published', cityId: A })).toBe(false);
  });
});

describe('permissions: the secretariat tools', () => {
  it('redelivers only to an active subscription, and only for the secretariat', () => {
    expect(canRedeliverWebhook(secretariat, { status: 'active' })).toBe(true);
    expect(canRedeliverWebhook(secretariat, { status: 'disabled' })).toBe(false);
    expect(canRedeliverWebhook(officerOf(A), { status: 'active' })).toBe(false);
  });

  it('replays only unresolved dead letters, and only for the secretariat', () => {
    expect(canReplayDeadLetter(secretariat, { resolved: false })).toBe(true);
    expect(canReplayDeadLetter(secretariat, { resolved: true })).toBe(false);
    expect(canReplayDeadLetter(observer, { resolved: false })).toBe(false);
  });
});
