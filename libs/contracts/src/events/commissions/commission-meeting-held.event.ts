import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { date, text, uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { commissionId, meetingId } from './commission-fields.schema';

/** A scheduled commission meeting took place: attendance and minutes recorded. */
export const commissionMeetingHeldV1 = defineEvent({
  type: 'c2c.commission.meeting-held.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'commission',
  description:
    'A scheduled meeting was held: the cities that attended and the minutes were recorded. Only a ' +
    'held meeting can adopt resolutions; a cancelled one is never held.',
  schema: Type.Object({
    commissionId,
    meetingId,
    heldOn: date('Day the meeting took place (in its time zone).'),
    attendingCityIds: Type.Array(uuid('A city that attended.'), {
      uniqueItems: true,
      description: 'Cities represented at the meeting.',
    }),
    minutes: text('The minutes of the meeting.'),
  }),
  example: {
    commissionId: EXAMPLE_IDS.cityToCityCommission,
    meetingId: EXAMPLE_IDS.meeting,
    heldOn: '2026-10-14',
    attendingCityIds: [EXAMPLE_IDS.surabaya, EXAMPLE_IDS.kitakyushu, EXAMPLE_IDS.daNang],
    minutes:
      'The Mayor of Surabaya opened the meeting. Kitakyushu and Surabaya presented the results of the ' +
      'Takakura composting transfer; Da Nang asked to adapt it. The commission adopted the Surabaya ' +
      'Declaration on community-based waste management.',
  },
});
