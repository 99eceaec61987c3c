import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { dateTime, text, timeZone, uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { commissionId, meetingId, MeetingAgendaItemSchema } from './commission-fields.schema';

/** A commission meeting was scheduled. */
export const commissionMeetingScheduledV1 = defineEvent({
  type: 'c2c.commission.meeting-scheduled.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'commission',
  description:
    'A commission meeting was scheduled, hosted by a city, online, or both (at least one of ' +
    '`hostCityId` and `onlineUrl` is present). `startsAt` is the instant; `timeZone` is the zone the ' +
    'organisers use, to show the local time. The meeting is then held or cancelled.',
  schema: Type.Object(
    {
      commissionId,
      meetingId,
      title: text('Title of the meeting, e.g. its number and place.'),
      startsAt: dateTime('When the meeting starts.'),
      timeZone: timeZone('IANA time zone of the meeting, e.g. `Asia/Jakarta`.'),
      hostCityId: Type.Optional(uuid('The city hosting the meeting in person.')),
      onlineUrl: Type.Optional(Type.String({ format: 'uri', description: 'Where to join online.' })),
      agenda: Type.Array(MeetingAgendaItemSchema, {
        description: 'Agenda items, in order (possibly none yet).',
      }),
    },
    {
      // Where the meeting takes place: in a city, online, or both. `true` repeats nothing: the
      // property schemas above apply; each alternative only names what it requires.
      anyOf: [
        { type: 'object', properties: { hostCityId: true }, required: ['hostCityId'] },
        { type: 'object', properties: { onlineUrl: true }, required: ['onlineUrl'] },
      ],
    },
  ),
  example: {
    commissionId: EXAMPLE_IDS.cityToCityCommission,
    meetingId: EXAMPLE_IDS.meeting,
    title: 'Second meeting of the City to City Cooperation Commission, Surabaya',
    startsAt: '2026-10-14T02:00:00Z',
    timeZone: 'Asia/Jakarta',
    hostCityId: EXAMPLE_IDS.surabaya,
    onlineUrl: 'https://meet.asianmayorsforum.org/c2c-commission-2026-10',
    agenda: [
      { title: 'Opening by the Mayor of Surabaya' },
      {
        title: 'Community-based waste management',
        description: 'Kitakyushu and Surabaya report on ten years of the Takakura composting transfer.',
      },
      { title: 'Adoption of the Surabaya Declaration' },
    ],
  },
});
