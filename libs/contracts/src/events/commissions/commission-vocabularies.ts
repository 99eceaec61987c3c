// Vocabularies shared by commission events and the commissions service's HTTP validation. A value
// added here changes an event `enum`, which is a breaking change: publish new event versions alongside.

/**
 * A member city's part in a commission. One chair and any number of vice-chairs, both chosen by the
 * secretariat among the member cities; every other member is `member`.
 */
export const COMMISSION_MEMBER_ROLES = ['member', 'vice-chair', 'chair'] as const;
/** One of {@link COMMISSION_MEMBER_ROLES}. */
export type CommissionMemberRole = (typeof COMMISSION_MEMBER_ROLES)[number];

/**
 * Why a city stopped being a member of a commission: it chose to leave, its city record was archived
 * (a reaction to `c2c.city.archived.v1`), or the commission's officers or the secretariat removed it.
 */
export const COMMISSION_LEAVE_REASONS = ['left', 'city-archived', 'removed'] as const;
/** One of {@link COMMISSION_LEAVE_REASONS}. */
export type CommissionLeaveReason = (typeof COMMISSION_LEAVE_REASONS)[number];

/**
 * States of a commission meeting: `scheduled` → `held` (attendance and minutes recorded) |
 * `cancelled`. Both ends are final; resolutions are adopted only at a `held` meeting.
 */
export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
/** One of {@link MEETING_STATUSES}. */
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** What a commission adopts at a meeting: a resolution (a decision) or a declaration (a stance). */
export const RESOLUTION_KINDS = ['resolution', 'declaration'] as const;
/** One of {@link RESOLUTION_KINDS}. */
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

/**
 * Status of a follow-up action of a resolution, set by the owner city's officers or the commission's.
 * Every action starts `open`; `done` and `dropped` end it (an ended action is never overdue).
 */
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
/** One of {@link ACTION_STATUSES}. */
export type ActionStatus = (typeof ACTION_STATUSES)[number];
