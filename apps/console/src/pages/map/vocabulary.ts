import type { Schemas } from '../../api/client';

/** The API's vocabularies the map and the charts filter and count by (no runtime dependency: unit-testable). */
export type City = Schemas['CityResponse'];
export type Partnership = Schemas['PartnershipResponse'];
export type PartnershipType = Partnership['type'];
export type PartnershipStatus = Partnership['status'];
export type CooperationArea = Partnership['cooperationAreas'][number];

// Every value of each enum, checked against the API's types: a value the API adds breaks this build.
const everyKey = <K extends string>(record: Record<K, true>): K[] => Object.keys(record) as K[];

export const PARTNERSHIP_TYPES = everyKey<PartnershipType>({
  'sister-city': true,
  friendship: true,
  'memorandum-of-understanding': true,
  'project-partnership': true,
  'multilateral-network': true,
  'technical-cooperation': true,
});

export const PARTNERSHIP_STATUSES = everyKey<PartnershipStatus>({
  proposed: true,
  active: true,
  declined: true,
  withdrawn: true,
  suspended: true,
  terminated: true,
  expired: true,
});

export const COOPERATION_AREAS = everyKey<CooperationArea>({
  'urban-planning': true,
  'environment-and-climate': true,
  transport: true,
  'water-and-sanitation': true,
  'culture-and-heritage': true,
  'economy-and-trade': true,
  tourism: true,
  'education-and-youth': true,
  health: true,
  'governance-and-capacity-building': true,
  'disaster-risk-reduction': true,
  'smart-city-and-technology': true,
  'social-inclusion': true,
});

export const MEMBERSHIPS = everyKey<City['membershipStatus']>({
  member: true,
  observer: true,
  'non-member': true,
});

/** The UN's seventeen Sustainable Development Goals. */
export const SDG_NUMBERS = Array.from({ length: 17 }, (_, i) => i + 1);
