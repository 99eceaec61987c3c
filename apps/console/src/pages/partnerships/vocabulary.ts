import type { Schemas } from '../../api/client';

export type Partnership = Schemas['PartnershipResponse'];

export interface VersionedPartnership {
  readonly partnership: Partnership;
  /** What the API sent as the ETag, for If-Match. */
  readonly etag: string;
}

export type PartnershipType = Partnership['type'];
export type CooperationArea = Partnership['cooperationAreas'][number];
export type PartnershipStatus = Partnership['status'];
export type ActivityKind = Schemas['RecordActivityDto']['kind'];

// The API's enumerations, in the order the forms offer them (the schema's types cannot be iterated).
export const PARTNERSHIP_STATUSES: readonly PartnershipStatus[] = [
  'proposed',
  'active',
  'suspended',
  'declined',
  'withdrawn',
  'terminated',
  'expired',
];

export const PARTNERSHIP_TYPES: readonly PartnershipType[] = [
  'sister-city',
  'friendship',
  'memorandum-of-understanding',
  'project-partnership',
  'multilateral-network',
  'technical-cooperation',
];

export const COOPERATION_AREAS: readonly CooperationArea[] = [
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
];

export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  'peer-exchange',
  'study-visit',
  'delegation',
  'training-workshop',
  'joint-project',
  'practice-transfer',
  'international-programme',
];

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value);

/** A filter value from the address bar, if it is one the API knows. */
export const parseOneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  isOneOf(values, value) ? value : undefined;

/** "6, 11" → [6, 11]; null when a part is not an SDG number. */
export function parseSdgs(text: string): number[] | null {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const numbers = parts.map(Number);
  return numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= 17) ? [...new Set(numbers)] : null;
}
