import type {
  ActivityKind,
  CooperationArea,
  ParticipantRole,
  PartnershipActivity,
  PartnershipSnapshot,
  PartnershipStatus,
  PartnershipType,
} from '@c2c/contracts';

/** A city taking part, as the partnership keeps it. */
export interface Participant {
  cityId: string;
  name: string;
  countryCode: string;
  role: ParticipantRole;
  acceptedAt: Date | null;
}

/** The signed agreement, when there is one. */
export interface Agreement {
  place?: string;
  signedOn?: string;
  signatories: { name: string; title?: string; cityId?: string }[];
}

/** Everything a partnership is; dates without a time of day are `YYYY-MM-DD` strings. */
export interface PartnershipState {
  id: string;
  type: PartnershipType;
  title: string;
  description: string | null;
  status: PartnershipStatus;
  proposerCityId: string;
  participants: Participant[];
  cooperationAreas: CooperationArea[];
  sdgTags: number[];
  startDate: string | null;
  endDate: string | null;
  agreement: Agreement | null;
  activatedAt: Date | null;
  /** Last day of the latest recorded activity. */
  lastActivityOn: string | null;
  /** Set when flagged dormant; cleared by a new activity. */
  dormantSince: string | null;
  /** The end date a renewal reminder went out for. */
  renewalRemindedFor: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A new proposal, as the aggregate receives it. */
export interface ProposalInput {
  type: PartnershipType;
  title: string;
  description?: string;
  /** Proposer first; names and countries as the city model knows them. */
  participants: { cityId: string; name: string; countryCode: string }[];
  cooperationAreas: CooperationArea[];
  sdgTags?: number[];
  startDate?: string;
  endDate?: string;
  agreement?: Agreement;
}

/** An activity as the use case receives it (the id is given by the aggregate). */
export interface ActivityInput {
  kind: ActivityKind;
  title: string;
  startDate: string;
  endDate: string | null;
  participatingCityIds: string[];
  outcomes?: string;
  practiceTransfer?: { bestPracticeId: string; sourceCityId: string; adoptingCityId: string };
}

/** Common to every change: when, from which state to which, about which city, why, and the result. */
interface ChangeBase {
  at: Date;
  from: PartnershipStatus | null;
  to: PartnershipStatus;
  cityId?: string;
  reason?: string;
  snapshot: PartnershipSnapshot;
}

/** One thing that happened to a partnership: becomes one history row and one event. */
export type PartnershipChange = ChangeBase &
  (
    | { kind: 'proposed' | 'activated' }
    | { kind: 'accepted' | 'declined'; cityId: string }
    | { kind: 'withdrawn' | 'suspended' | 'resumed' | 'terminated'; reason: string }
    | { kind: 'expired'; expiredOn: string }
    | { kind: 'dormant'; lastActivityOn: string | null; monthsWithoutActivity: number }
    | { kind: 'renewal-due'; endDate: string; daysRemaining: number }
    | { kind: 'activity-recorded'; activity: PartnershipActivity }
  );

export type ChangeKind = PartnershipChange['kind'];

/** One change as the history keeps it: who, when, why, and the event that told the world. */
export interface HistoryEntry {
  partnershipId: string;
  at: Date;
  /** The change, named like its event: `proposed`, `accepted`, `suspended`, `activity-recorded` … */
  action: string;
  fromStatus: PartnershipStatus | null;
  toStatus: PartnershipStatus;
  /** The user who acted; null when the platform did (a detection, a reaction to a city's event). */
  actorId: string | null;
  /** The city the change was made for or about. */
  cityId: string | null;
  reason: string | null;
  eventId: string;
}

/** A history entry read back, with its place in the partnership's history (what a page resumes after). */
export interface RecordedHistoryEntry extends HistoryEntry {
  position: string;
}

/** A recorded activity as it is kept: the contract's activity, when and by whom it was recorded. */
export interface ActivityRecord {
  partnershipId: string;
  activity: PartnershipActivity;
  recordedAt: Date;
  recordedBy: string | null;
}
