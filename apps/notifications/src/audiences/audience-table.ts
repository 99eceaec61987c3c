import type { EventData, EventType, PartnershipSnapshot } from '@c2c/contracts';
import { type Audience, cities, city, commissionMembers, commissionOfficers, secretariat } from './audience';

// Which event reaches which audience: the one table of it. An event type that is not here notifies no
// one (a profile edit, a partnership's own acceptance step already told by `accepted`…).

type Rule<T extends EventType> = (data: EventData<T>) => Audience[];
type AudienceTable = { readonly [T in EventType]?: Rule<T> };

const participants = (partnership: PartnershipSnapshot): Audience[] =>
  cities(partnership.participants.map((participant) => participant.cityId));

export const AUDIENCES: AudienceTable = {
  // Cities
  'c2c.city.registered.v1': () => [secretariat()],
  'c2c.city.membership-changed.v1': (d) => [city(d.cityId), secretariat()],
  'c2c.city.archived.v1': (d) => [city(d.cityId), secretariat()],
  // Partnerships: the cities taking part hear of every step; the secretariat of the ones that matter
  'c2c.partnership.proposed.v1': (d) => [...participants(d.partnership), secretariat()],
  'c2c.partnership.accepted.v1': (d) => participants(d.partnership),
  'c2c.partnership.declined.v1': (d) => participants(d.partnership),
  'c2c.partnership.withdrawn.v1': (d) => participants(d.partnership),
  'c2c.partnership.activated.v1': (d) => [...participants(d.partnership), secretariat()],
  'c2c.partnership.suspended.v1': (d) => [...participants(d.partnership), secretariat()],
  'c2c.partnership.resumed.v1': (d) => participants(d.partnership),
  'c2c.partnership.terminated.v1': (d) => [...participants(d.partnership), secretariat()],
  'c2c.partnership.expired.v1': (d) => [...participants(d.partnership), secretariat()],
  'c2c.partnership.dormant.v1': (d) => [...participants(d.partnership), secretariat()],
  'c2c.partnership.renewal-due.v1': (d) => participants(d.partnership),
  'c2c.partnership.activity-recorded.v1': (d) => participants(d.partnership),
  // Commissions: applications go to who decides them; a commission's life to its members
  'c2c.commission.membership-requested.v1': (d) => [
    city(d.cityId),
    commissionOfficers(d.commissionId),
    secretariat(),
  ],
  'c2c.commission.member-admitted.v1': (d) => [city(d.cityId), commissionMembers(d.commissionId)],
  'c2c.commission.membership-rejected.v1': (d) => [city(d.cityId), commissionOfficers(d.commissionId)],
  'c2c.commission.member-left.v1': (d) => [city(d.cityId), commissionOfficers(d.commissionId)],
  'c2c.commission.chair-changed.v1': (d) => [commissionMembers(d.commissionId)],
  'c2c.commission.meeting-scheduled.v1': (d) => [commissionMembers(d.commissionId)],
  'c2c.commission.meeting-held.v1': (d) => [commissionMembers(d.commissionId)],
  'c2c.commission.meeting-cancelled.v1': (d) => [commissionMembers(d.commissionId)],
  'c2c.commission.resolution-adopted.v1': (d) => [commissionMembers(d.commissionId)],
  'c2c.commission.action-status-changed.v1': (d) => [city(d.ownerCityId), commissionOfficers(d.commissionId)],
  'c2c.commission.action-overdue.v1': (d) => [
    city(d.ownerCityId),
    commissionOfficers(d.commissionId),
    secretariat(),
  ],
  // The library: a submission to the reviewers, a decision to the city
  'c2c.best-practice.submitted.v1': (d) => [city(d.cityId), secretariat()],
  'c2c.best-practice.published.v1': (d) => [city(d.cityId), secretariat()],
  'c2c.best-practice.returned.v1': (d) => [city(d.cityId)],
};

/** The event types that notify someone: the ones the service subscribes to. */
export const NOTIFYING_EVENT_TYPES = Object.keys(AUDIENCES) as EventType[];

/**
 * The audiences of an event (any envelope, or a type and its data); none for a type that notifies no
 * one. The one cast: TypeScript cannot tie a table row to the type that indexed it.
 */
export function audiencesOf<T extends EventType>(event: { type: T; data: EventData<T> }): Audience[] {
  const rule = AUDIENCES[event.type] as Rule<T> | undefined;
  return rule === undefined ? [] : rule(event.data);
}
