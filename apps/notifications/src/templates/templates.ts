import type { EventData, EventType } from '@c2c/contracts';
import { type Draft, type Message, render } from './message';

// What each notifying event says, per language. English is the only language yet; a language is one
// more table of the same shape, and `messageOf` falls back to English for what it lacks.

/** What a template may look up beyond the event: the names of the cities it mentions. */
export interface TemplateContext {
  cityName(cityId: string): string;
}

type Template<T extends EventType> = (data: EventData<T>, context: TemplateContext) => Draft;
export type Templates = { readonly [T in EventType]?: Template<T> };

const list = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;

const partnershipCities = (
  d: { partnership: { participants: { cityId: string }[] } },
  c: TemplateContext,
): string => list(d.partnership.participants.map((p) => c.cityName(p.cityId)));

const reasonOf = (reason: string | null | undefined): string[] => (reason ? [`Reason: ${reason}`] : []);

export const ENGLISH: Templates = {
  'c2c.city.registered.v1': (d) => ({
    subject: `New city on the platform: ${d.name}`,
    paragraphs: [`${d.name} (${d.countryCode}) was registered, as ${d.membershipStatus}.`],
  }),
  'c2c.city.membership-changed.v1': (d, c) => ({
    subject: `${c.cityName(d.cityId)} is now ${d.membershipStatus}`,
    paragraphs: [
      `The AMF membership of ${c.cityName(d.cityId)} changed from ${d.previousStatus} to ${d.membershipStatus} on ${d.changedOn}.`,
      ...reasonOf(d.reason),
    ],
  }),
  'c2c.city.archived.v1': (d) => ({
    subject: `${d.name} was archived`,
    paragraphs: [`${d.name} (${d.countryCode}) was archived.`, ...reasonOf(d.reason)],
  }),
  'c2c.partnership.proposed.v1': (d, c) => ({
    subject: `Partnership proposed: ${d.partnership.title}`,
    paragraphs: [
      `A ${d.partnership.type} partnership between ${partnershipCities(d, c)} was proposed.`,
      'Each invited city accepts or declines it on the platform.',
    ],
  }),
  'c2c.partnership.accepted.v1': (d, c) => ({
    subject: `${c.cityName(d.cityId)} accepted: ${d.partnership.title}`,
    paragraphs: [`${c.cityName(d.cityId)} accepted the partnership “${d.partnership.title}”.`],
  }),
  'c2c.partnership.declined.v1': (d, c) => ({
    subject: `${c.cityName(d.cityId)} declined: ${d.partnership.title}`,
    paragraphs: [
      `${c.cityName(d.cityId)} declined the partnership “${d.partnership.title}”.`,
      ...reasonOf(d.reason),
    ],
  }),
  'c2c.partnership.withdrawn.v1': (d) => ({
    subject: `Proposal withdrawn: ${d.partnership.title}`,
    paragraphs: [`The proposal “${d.partnership.title}” was withdrawn.`, ...reasonOf(d.reason)],
  }),
  'c2c.partnership.activated.v1': (d, c) => ({
    subject: `Partnership active: ${d.partnership.title}`,
    paragraphs: [`Every city accepted: the partnership between ${partnershipCities(d, c)} is active.`],
  }),
  'c2c.partnership.suspended.v1': (d) => ({
    subject: `Partnership suspended: ${d.partnership.title}`,
    paragraphs: [`The partnership “${d.partnership.title}” was suspended.`, ...reasonOf(d.reason)],
  }),
  'c2c.partnership.resumed.v1': (d) => ({
    subject: `Partnership resumed: ${d.partnership.title}`,
    paragraphs: [`The partnership “${d.partnership.title}” is active again.`, ...reasonOf(d.reason)],
  }),
  'c2c.partnership.terminated.v1': (d) => ({
    subject: `Partnership terminated: ${d.partnership.title}`,
    paragraphs: [`The partnership “${d.partnership.title}” was terminated.`, ...reasonOf(d.reason)],
  }),
  'c2c.partnership.expired.v1': (d) => ({
    subject: `Partnership ended: ${d.partnership.title}`,
    paragraphs: [`The partnership “${d.partnership.title}” reached its end date on ${d.expiredOn}.`],
  }),
  'c2c.partnership.dormant.v1': (d) => ({
    subject: `No activity for ${d.monthsWithoutActivity} months: ${d.partnership.title}`,
    paragraphs: [
      `The partnership “${d.partnership.title}” has recorded no activity for ${d.monthsWithoutActivity} months.`,
      'Recording an exchange, a visit or a project on the platform keeps it alive.',
    ],
  }),
  'c2c.partnership.renewal-due.v1': (d) => ({
    subject: `Ends in ${d.daysRemaining} days: ${d.partnership.title}`,
    paragraphs: [
      `The partnership “${d.partnership.title}” ends on ${d.endDate}. Time to decide on its renewal.`,
    ],
  }),
  'c2c.partnership.activity-recorded.v1': (d) => ({
    subject: `New activity: ${d.activity.title}`,
    paragraphs: [
      `A ${d.activity.kind} was recorded under “${d.partnership.title}”, starting ${d.activity.startDate}.`,
    ],
  }),
  'c2c.commission.membership-requested.v1': (d, c) => ({
    subject: `${c.cityName(d.cityId)} applies to join a commission`,
    paragraphs: [
      `${c.cityName(d.cityId)} applied to join the commission.`,
      `Motivation: ${d.motivation}`,
      'An officer of the commission or the secretariat approves or rejects the application.',
    ],
  }),
  'c2c.commission.member-admitted.v1': (d, c) => ({
    subject: `${c.cityName(d.cityId)} joined the commission`,
    paragraphs: [`${c.cityName(d.cityId)} is a ${d.role} of the commission since ${d.since}.`],
  }),
  'c2c.commission.membership-rejected.v1': (d, c) => ({
    subject: `Application of ${c.cityName(d.cityId)} not accepted`,
    paragraphs: [
      `The application of ${c.cityName(d.cityId)} to join the commission was rejected.`,
      ...reasonOf(d.reason),
    ],
  }),
  'c2c.commission.member-left.v1': (d, c) => ({
    subject: `${c.cityName(d.cityId)} left the commission`,
    paragraphs: [`${c.cityName(d.cityId)} left the commission on ${d.leftOn} (${d.reason}).`],
  }),
  'c2c.commission.chair-changed.v1': (d, c) => ({
    subject: 'The commission has a new chair',
    paragraphs: [
      d.chairCityId === null
        ? 'The commission has no chair.'
        : `${c.cityName(d.chairCityId)} chairs the commission.`,
      ...(d.viceChairCityIds.length > 0
        ? [`Vice-chairs: ${list(d.viceChairCityIds.map((id) => c.cityName(id)))}.`]
        : []),
    ],
  }),
  'c2c.commission.meeting-scheduled.v1': (d, c) => ({
    subject: `Meeting scheduled: ${d.title}`,
    paragraphs: [
      `${d.title} starts at ${d.startsAt} (${d.timeZone}).`,
      ...(d.hostCityId === undefined ? [] : [`Hosted by ${c.cityName(d.hostCityId)}.`]),
      ...(d.onlineUrl === undefined ? [] : [`Online: ${d.onlineUrl}`]),
    ],
  }),
  'c2c.commission.meeting-held.v1': (d) => ({
    subject: 'Minutes of the commission’s meeting',
    paragraphs: [`The meeting was held on ${d.heldOn}.`, d.minutes],
  }),
  'c2c.commission.meeting-cancelled.v1': (d) => ({
    subject: 'Meeting cancelled',
    paragraphs: ['The commission’s meeting was cancelled.', ...reasonOf(d.reason)],
  }),
  'c2c.commission.resolution-adopted.v1': (d, c) => ({
    subject: `${d.kind === 'declaration' ? 'Declaration' : 'Resolution'} adopted: ${d.title}`,
    paragraphs: [
      d.text,
      ...d.actions.map((a) => `Action for ${c.cityName(a.ownerCityId)}, due ${a.dueDate}: ${a.description}`),
    ],
  }),
  'c2c.commission.action-status-changed.v1': (d, c) => ({
    subject: `Follow-up action of ${c.cityName(d.ownerCityId)}: ${d.status}`,
    paragraphs: [
      `The action owned by ${c.cityName(d.ownerCityId)} went from ${d.previousStatus} to ${d.status}.`,
    ],
  }),
  'c2c.commission.action-overdue.v1': (d, c) => ({
    subject: `Overdue by ${d.daysOverdue} days: an action of ${c.cityName(d.ownerCityId)}`,
    paragraphs: [
      `A follow-up action owned by ${c.cityName(d.ownerCityId)} was due on ${d.dueDate} and is ${d.daysOverdue} days overdue.`,
      'The owner city’s officers update its status on the platform.',
    ],
  }),
  'c2c.best-practice.submitted.v1': (d, c) => ({
    subject: `Practice submitted: ${d.title}`,
    paragraphs: [
      `${c.cityName(d.cityId)} submitted “${d.title}” to the best-practice library; it awaits review.`,
    ],
  }),
  'c2c.best-practice.published.v1': (d) => ({
    subject: `Published in the library: ${d.title}`,
    paragraphs: [`“${d.title}” is in the best-practice library; partnerships may now transfer it.`],
  }),
  'c2c.best-practice.returned.v1': (d) => ({
    subject: `Returned with comments: ${d.title}`,
    paragraphs: [`“${d.title}” was returned with comments before publication.`, `Comments: ${d.comments}`],
  }),
};

/** The languages there are templates in; the first is the fallback. */
export const LANGUAGES: Readonly<Record<string, Templates>> = { en: ENGLISH };

/** The message of an event in a language (English where that language has no template); null: none. */
export function messageOf<T extends EventType>(
  event: { type: T; data: EventData<T> },
  context: TemplateContext,
  language = 'en',
): Message | null {
  // As in the audience table, the one cast ties the row to the type that indexed it.
  const template = (LANGUAGES[language]?.[event.type] ?? ENGLISH[event.type]) as Template<T> | undefined;
  return template === undefined ? null : render(template(event.data, context));
}
