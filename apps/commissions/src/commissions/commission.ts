// The commission domain: plain types and rules, no Nest, no TypeORM.
import { COMMISSION_MEMBER_ROLES, type CommissionMemberRole } from '@c2c/contracts';

/** The forum's three commissions, by number; the ids are fixed by the migration that creates them. */
export const COMMISSION_IDS = {
  1: 'c0000000-0000-4000-8000-000000000001',
  2: 'c0000000-0000-4000-8000-000000000002',
  3: 'c0000000-0000-4000-8000-000000000003',
} as const;

/** A member's part in a commission: the contracts' vocabulary, so the API and the events agree. */
export const MEMBER_ROLES = COMMISSION_MEMBER_ROLES;
export type MemberRole = CommissionMemberRole;

export const MEMBERSHIP_STATUSES = ['active', 'left', 'ended'] as const;
export type CommissionMembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'ended'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** At most this many vice-chairs: a bound the forum's practice never reaches, so a typo cannot. */
export const MAX_VICE_CHAIRS = 5;

export interface Commission {
  id: string;
  number: number;
  name: string;
  mandate: string;
  /** Calendar dates (YYYY-MM-DD); null until the secretariat sets the period. */
  mandateStartsOn: string | null;
  mandateEndsOn: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Membership {
  id: string;
  commissionId: string;
  cityId: string;
  role: MemberRole;
  /** The day the city was admitted. */
  since: string;
  joinedAt: Date;
  requestId: string | null;
  status: CommissionMembershipStatus;
  endedAt: Date | null;
  endReason: string | null;
  version: number;
  updatedAt: Date;
}

export interface MembershipRequest {
  id: string;
  commissionId: string;
  cityId: string;
  motivation: string;
  status: RequestStatus;
  requestedBy: string;
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A commission with its officers, as its page shows it. */
export interface CommissionView extends Commission {
  chairCityId: string | null;
  viceChairCityIds: string[];
  memberCount: number;
}

/** The active partnerships of a commission's member cities: how the commission's work shows in the field. */
export interface ActivePartnerships {
  total: number;
  /** A partnership counts once in each of its areas, so these may add up to more than `total`. */
  byCooperationArea: { cooperationArea: string; count: number }[];
}

/** A commission's page: the commission, and the partnerships of its members (read live, not versioned). */
export interface CommissionPage {
  commission: CommissionView;
  activePartnerships: ActivePartnerships;
}

/** Why a membership ended without the city leaving. */
export const CITY_ARCHIVED_REASON = 'city archived';

/** The calendar day of an instant, in UTC: the forum's dates are days, not instants. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** A decided request: what approval and rejection both change. */
export function decide(
  request: MembershipRequest,
  status: 'approved' | 'rejected' | 'ended',
  by: string | null,
  at: Date,
  reason: string | null,
): MembershipRequest {
  return {
    ...request,
    status,
    decidedBy: by,
    decidedAt: at,
    reason,
    version: request.version + 1,
    updatedAt: at,
  };
}

/** A membership that is over: the city left, or it was archived. */
export function endMembership(
  membership: Membership,
  status: 'left' | 'ended',
  at: Date,
  reason: string | null,
): Membership {
  return {
    ...membership,
    status,
    endedAt: at,
    endReason: reason,
    version: membership.version + 1,
    updatedAt: at,
  };
}

/** The role each member should have after the secretariat names a chair and vice-chairs. */
export function roleFor(cityId: string, chairCityId: string | null, viceChairCityIds: string[]): MemberRole {
  if (cityId === chairCityId) return 'chair';
  return viceChairCityIds.includes(cityId) ? 'vice-chair' : 'member';
}
