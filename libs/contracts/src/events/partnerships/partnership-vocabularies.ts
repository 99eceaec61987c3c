// Vocabularies shared by partnership events and the partnerships service's HTTP validation. A value
// added here changes an event `enum`, which is a breaking change: publish new event versions alongside.

/** Forms a city-to-city relationship takes. */
export const PARTNERSHIP_TYPES = [
  'sister-city',
  'friendship',
  'memorandum-of-understanding',
  'project-partnership',
  'multilateral-network',
  'technical-cooperation',
] as const;
/** One of {@link PARTNERSHIP_TYPES}. */
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

/**
 * Lifecycle states of a partnership. Dormancy and renewal are flags raised by events, not states.
 * `proposed` → `active` (all accepted) | `declined` | `withdrawn`; `active` ⇄ `suspended`;
 * `active` | `suspended` → `terminated` | `expired`.
 */
export const PARTNERSHIP_STATUSES = [
  'proposed',
  'active',
  'declined',
  'withdrawn',
  'suspended',
  'terminated',
  'expired',
] as const;
/** One of {@link PARTNERSHIP_STATUSES}. */
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

/** A participant's part: the one city that proposed, or a partner invited to accept. */
export const PARTICIPANT_ROLES = ['proposer', 'partner'] as const;
/** One of {@link PARTICIPANT_ROLES}. */
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Policy areas cities cooperate on. */
export const COOPERATION_AREAS = [
  'urban-planning',
  'environment-and-climate',
  'transport',
  'water-and-sanitation',
  'culture-and-heritage',
  'economy-and-trade',
  'tourism',
  'education-and-youth',
  'health',
  'governance-and-capacity-building',
  'disaster-risk-reduction',
  'smart-city-and-technology',
  'social-inclusion',
] as const;
/** One of {@link COOPERATION_AREAS}. */
export type CooperationArea = (typeof COOPERATION_AREAS)[number];

/** Kinds of cooperation activity recorded on a partnership. */
export const ACTIVITY_KINDS = [
  'peer-exchange',
  'study-visit',
  'delegation',
  'training-workshop',
  'joint-project',
  'practice-transfer',
  'international-programme',
] as const;
/** One of {@link ACTIVITY_KINDS}. */
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
