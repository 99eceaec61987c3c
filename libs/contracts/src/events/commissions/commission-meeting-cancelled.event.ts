import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { text } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { commissionId, meetingId } from './commission-fields.schema';

/** A scheduled commission meeting was cancelled. */
export const commissionMeetingCancelledV1 = defineEvent({
  type: 'c2c.commission.meeting-cancelled.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'commission',
  description: 'A scheduled meeting was cancelled, for good: it is never held and adopts nothing.',
  schema: Type.Object({
    commissionId,
    meetingId,
    reason: text('Why the meeting was cancelled, as told to the members.'),
  }),
  example: {
    commissionId: EXAMPLE_IDS.cityToCityCommission,
    meetingId: EXAMPLE_IDS.meeting,
    reason: 'Postponed because of the typhoon warning for East Java; a new date will be scheduled.',
  },
});
