/**
 * What the signed-in user may do, decided in one place from their role, the city they act for and the
 * resource's state: the same rules the services apply (apps/partnerships' policy and state machine,
 * the gateway's user administration), so that the console never shows a button whose request would
 * fail. The services still decide; this only keeps the screen honest. Pure: no React, no DOM.
 */

export type Role = 'secretariat' | 'commission-officer' | 'city-officer' | 'observer';

/** The parts of `GET /api/v1/me` that decide permissions. */
export interface Viewer {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly cityId?: string | null;
  readonly commissionIds?: readonly string[];
}

export type PartnershipStatus =
  'proposed' | 'active' | 'declined' | 'withdrawn' | 'suspended' | 'terminated' | 'expired';

/** The parts of a partnership that decide permissions. */
export interface PartnershipFacts {
  readonly status: PartnershipStatus;
  readonly proposerCityId: string;
  readonly participants: readonly {
    readonly cityId: string;
    readonly role: 'proposer' | 'partner';
    readonly acceptedAt: string | null;
  }[];
}

export type PartnershipAction =
  'accept' | 'decline' | 'withdraw' | 'suspend' | 'resume' | 'terminate' | 'record-activity';

/** The order the buttons appear in. */
export const PARTNERSHIP_ACTIONS: readonly PartnershipAction[] = [
  'accept',
  'decline',
  'withdraw',
  'suspend',
  'resume',
  'terminate',
  'record-activity',
];

const STATES: Record<PartnershipAction, readonly PartnershipStatus[]> = {
  accept: ['proposed'],
  decline: ['proposed'],
  withdraw: ['proposed'],
  suspend: ['active'],
  resume: ['suspended'],
  terminate: ['active', 'suspended'],
  'record-activity': ['active'],
};

export const hasRole = (viewer: Viewer | null | undefined, role: Role): boolean =>
  viewer?.roles.includes(role) ?? false;

export const isSecretariat = (viewer: Viewer | null | undefined): boolean => hasRole(viewer, 'secretariat');

/** A city officer's own city, if they have one. */
const officerCity = (viewer: Viewer): string | null =>
  hasRole(viewer, 'city-officer') && viewer.cityId ? viewer.cityId : null;

/** Who may write partnerships at all: the secretariat, and a city officer with a city. */
const writesPartnerships = (viewer: Viewer): boolean => isSecretariat(viewer) || officerCity(viewer) !== null;

/** Proposing: the secretariat for any city, a city officer for theirs. */
export const canProposePartnership = (viewer: Viewer | null | undefined): boolean =>
  viewer ? writesPartnerships(viewer) : false;

/** The city this viewer proposes for, or null when they choose (the secretariat). */
export const proposingCityOf = (viewer: Viewer): string | null =>
  isSecretariat(viewer) ? null : officerCity(viewer);

/**
 * The participant cities that still have to accept and for which this viewer may answer: the
 * secretariat answers for any of them, a city officer for their own only.
 */
export function pendingCitiesFor(viewer: Viewer, partnership: PartnershipFacts): string[] {
  if (partnership.status !== 'proposed') return [];
  const pending = partnership.participants
    .filter((participant) => participant.role === 'partner' && participant.acceptedAt === null)
    .map((participant) => participant.cityId);
  if (isSecretariat(viewer)) return pending;
  const own = officerCity(viewer);
  return own !== null && pending.includes(own) ? [own] : [];
}

const isParticipant = (cityId: string, partnership: PartnershipFacts): boolean =>
  partnership.participants.some((participant) => participant.cityId === cityId);

/** Whether the viewer may take `action` on this partnership now. */
export function canActOnPartnership(
  viewer: Viewer | null | undefined,
  action: PartnershipAction,
  partnership: PartnershipFacts,
): boolean {
  if (!viewer || !writesPartnerships(viewer)) return false;
  if (!STATES[action].includes(partnership.status)) return false;
  switch (action) {
    case 'accept':
    case 'decline':
      return pendingCitiesFor(viewer, partnership).length > 0;
    case 'withdraw':
      return isSecretariat(viewer) || officerCity(viewer) === partnership.proposerCityId;
    case 'suspend':
    case 'resume':
    case 'terminate':
    case 'record-activity': {
      if (isSecretariat(viewer)) return true;
      const own = officerCity(viewer);
      return own !== null && isParticipant(own, partnership);
    }
  }
}

/** Every action the viewer may take on this partnership now, in button order. */
export const partnershipActionsFor = (
  viewer: Viewer | null | undefined,
  partnership: PartnershipFacts,
): PartnershipAction[] =>
  PARTNERSHIP_ACTIONS.filter((action) => canActOnPartnership(viewer, action, partnership));

/** Secretariat menus (users, webhooks, dead letters) and what they hold. */
export const canAdminister = (viewer: Viewer | null | undefined): boolean => isSecretariat(viewer);

/** Deactivating or reactivating an account: the secretariat, never their own account (no lock-out). */
export const canChangeUserState = (
  viewer: Viewer | null | undefined,
  user: { readonly id: string; readonly deactivatedAt: string | null },
): boolean => isSecretariat(viewer) && viewer?.userId !== user.id;

/** A city's contacts are personal data: the secretariat and that city's own officers see them. */
export const canSeeContacts = (viewer: Viewer | null | undefined, cityId: string): boolean =>
  isSecretariat(viewer) || (viewer ? officerCity(viewer) === cityId : false);

// Commissions, the best-practice library (apps/commissions' policies: commission.policy.ts,
// best-practice.policy.ts and the controllers' route roles).

/** The secretariat for any city, a city officer for their own (libs/auth actsForCity). */
export const actsForCity = (viewer: Viewer | null | undefined, cityId: string): boolean =>
  isSecretariat(viewer) || (viewer ? officerCity(viewer) === cityId : false);

/** The secretariat for any commission, a commission officer for the commissions they are scoped to. */
export const actsForCommission = (viewer: Viewer | null | undefined, commissionId: string): boolean =>
  isSecretariat(viewer) ||
  (hasRole(viewer, 'commission-officer') && (viewer?.commissionIds ?? []).includes(commissionId));

/** Applying to a commission: the secretariat for any city, a city officer for theirs. */
export const canApplyToCommission = (viewer: Viewer | null | undefined): boolean =>
  isSecretariat(viewer) || (viewer ? officerCity(viewer) !== null : false);

/** The city this viewer applies or submits for, or null when they choose one (the secretariat). */
export const actingCityOf = (viewer: Viewer): string | null =>
  isSecretariat(viewer) ? null : officerCity(viewer);

export type MembershipRequestStatus = 'pending' | 'approved' | 'rejected' | 'ended';

/** Approving or rejecting an application: a pending one, by the secretariat or that commission's officers. */
export const canDecideMembershipRequest = (
  viewer: Viewer | null | undefined,
  commissionId: string,
  request: { readonly status: MembershipRequestStatus },
): boolean => request.status === 'pending' && actsForCommission(viewer, commissionId);

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';

/** Scheduling a commission's meeting: the secretariat, or an officer of that commission. */
export const canScheduleMeeting = (viewer: Viewer | null | undefined, commissionId: string): boolean =>
  actsForCommission(viewer, commissionId);

/** Recording that a meeting was held (attendance, minutes): one still scheduled, by those who may schedule it. */
export const canRecordMeeting = (
  viewer: Viewer | null | undefined,
  commissionId: string,
  meeting: { readonly status: MeetingStatus },
): boolean => meeting.status === 'scheduled' && actsForCommission(viewer, commissionId);

/** Cancelling a meeting: one still scheduled, by those who may schedule it. */
export const canCancelMeeting = (
  viewer: Viewer | null | undefined,
  commissionId: string,
  meeting: { readonly status: MeetingStatus },
): boolean => meeting.status === 'scheduled' && actsForCommission(viewer, commissionId);

export type ActionStatus = 'open' | 'in-progress' | 'done' | 'dropped';

export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in-progress', 'done', 'dropped'];

/**
 * The statuses a follow-up action may be moved to by this viewer: none once done or dropped; else the
 * others, for the secretariat, the commission's officers and the officers of the city that owns it.
 */
export function actionStatusesFor(
  viewer: Viewer | null | undefined,
  commissionId: string,
  action: { readonly status: ActionStatus; readonly ownerCityId: string },
): ActionStatus[] {
  if (action.status === 'done' || action.status === 'dropped') return [];
  if (!actsForCommission(viewer, commissionId) && !actsForCity(viewer, action.ownerCityId)) return [];
  return ACTION_STATUSES.filter((status) => status !== action.status);
}

/** Reviewers of the library: the secretariat and every commission officer. */
const isReviewer = (viewer: Viewer | null | undefined): boolean =>
  isSecretariat(viewer) || hasRole(viewer, 'commission-officer');

/** Submitting a practice: the secretariat for any city, a city officer for theirs. */
export const canSubmitPractice = (viewer: Viewer | null | undefined): boolean => canApplyToCommission(viewer);

/** Publishing or returning: a submitted practice, by a reviewer. */
export const canReviewPractice = (
  viewer: Viewer | null | undefined,
  practice: { readonly status: 'submitted' | 'published' | 'returned' },
): boolean => practice.status === 'submitted' && isReviewer(viewer);

/** Revising and submitting again: a practice not yet published, by the secretariat or its city's officers. */
export const canRevisePractice = (
  viewer: Viewer | null | undefined,
  practice: { readonly status: 'submitted' | 'published' | 'returned'; readonly cityId: string },
): boolean => practice.status !== 'published' && actsForCity(viewer, practice.cityId);

/**
 * The commissions a reviewer may name for a review: none to choose for the secretariat (optional) or
 * an officer of a single commission (the service takes it); their own when they have several.
 */
export const reviewCommissionChoicesFor = (viewer: Viewer | null | undefined): readonly string[] =>
  !isSecretariat(viewer) && hasRole(viewer, 'commission-officer') && (viewer?.commissionIds?.length ?? 0) > 1
    ? (viewer?.commissionIds ?? [])
    : [];

/**
 * Whether the viewer may list unpublished practices (`status` other than published): reviewers for
 * every city, a city officer for their own city (which they must name as `cityId`).
 */
export const canSeeUnpublishedPractices = (viewer: Viewer | null | undefined, cityId?: string): boolean =>
  isReviewer(viewer) || (cityId !== undefined && viewer ? officerCity(viewer) === cityId : false);

/** Redelivering: the secretariat, to an active subscription (a disabled one answers 409). */
export const canRedeliverWebhook = (
  viewer: Viewer | null | undefined,
  webhook: { readonly status: 'active' | 'disabled' },
): boolean => isSecretariat(viewer) && webhook.status === 'active';

/** Replaying a dead letter: the secretariat, one not yet resolved (a resolved one is never replayed). */
export const canReplayDeadLetter = (
  viewer: Viewer | null | undefined,
  letter: { readonly resolved: boolean },
): boolean => isSecretariat(viewer) && !letter.resolved;

/** Setting a commission's mandate, chair and vice-chairs: the secretariat only. */
export const canChangeCommissionOfficers = (viewer: Viewer | null | undefined): boolean =>
  isSecretariat(viewer);
