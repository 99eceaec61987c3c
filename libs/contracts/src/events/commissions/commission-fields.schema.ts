import { Type, type Static } from '@sinclair/typebox';
import { date, stringEnum, text, uuid } from '../schema-helpers';
import { ACTION_STATUSES } from './commission-vocabularies';

// One definition per field that several commission events carry, so that they cannot drift apart.

export const commissionId = uuid('The commission (the record key).');
export const membershipRequestId = uuid("The city's membership request.");
export const memberCityId = uuid('The city.');
export const meetingId = uuid('The meeting.');
export const resolutionId = uuid('The resolution or declaration.');
export const actionId = uuid('The follow-up action.');
export const ownerCityId = uuid('The city responsible for carrying the action out.');
/** A follow-up action's status. */
export function actionStatus(description = 'Status of the action.') {
  return stringEnum(ACTION_STATUSES, { description });
}
export const decidedBy = uuid(
  'The commission officer or secretariat user who decided; absent when the platform decided.',
);

/** One item of a meeting's agenda. */
export const MeetingAgendaItemSchema = Type.Object({
  title: text('What the item is about.'),
  description: Type.Optional(text('More on the item: background, expected outcome, speakers.')),
});
/** An agenda item as carried in `c2c.commission.meeting-scheduled.v1`. */
export type MeetingAgendaItem = Static<typeof MeetingAgendaItemSchema>;

/** A follow-up action of a resolution: one owner city, one due date, a tracked status. */
export const ResolutionActionSchema = Type.Object({
  actionId,
  ownerCityId,
  description: text('What is to be done.'),
  dueDate: date('Day by which the action is due.'),
  status: actionStatus(),
});
/** A follow-up action as carried in `c2c.commission.resolution-adopted.v1`. */
export type ResolutionAction = Static<typeof ResolutionActionSchema>;
