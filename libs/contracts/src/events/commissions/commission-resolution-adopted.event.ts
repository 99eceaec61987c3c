import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { stringEnum, text, uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { commissionId, resolutionId, ResolutionActionSchema } from './commission-fields.schema';
import { RESOLUTION_KINDS } from './commission-vocabularies';

/** A commission adopted a resolution or declaration at a held meeting. */
export const commissionResolutionAdoptedV1 = defineEvent({
  type: 'c2c.commission.resolution-adopted.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'commission',
  description:
    'A commission adopted a resolution or a declaration at a meeting that was held, with its follow-up ' +
    'actions (each with an owner city, a due date and a status, normally `open`). Later status changes ' +
    'come as `action-status-changed`, and actions past their due date as `action-overdue`.',
  schema: Type.Object({
    commissionId,
    resolutionId,
    meetingId: uuid('The held meeting that adopted it.'),
    kind: stringEnum(RESOLUTION_KINDS, { description: 'Resolution or declaration.' }),
    title: text('Title of the resolution or declaration.'),
    text: text('Its full text, as adopted.'),
    actions: Type.Array(ResolutionActionSchema, {
      description: 'Follow-up actions, in the order of the text (possibly none).',
    }),
  }),
  example: {
    commissionId: EXAMPLE_IDS.cityToCityCommission,
    resolutionId: EXAMPLE_IDS.resolution,
    meetingId: EXAMPLE_IDS.meeting,
    kind: 'declaration',
    title: 'Surabaya Declaration on community-based waste management',
    text:
      'The member cities of the City to City Cooperation Commission, meeting in Surabaya, recognise ' +
      'community-based composting as a practice that reduces landfill waste and creates local jobs, ' +
      'and commit to sharing it through city-to-city cooperation.',
    actions: [
      {
        actionId: EXAMPLE_IDS.action,
        ownerCityId: EXAMPLE_IDS.kitakyushu,
        description: 'Host a training workshop on Takakura composting for Da Nang officials.',
        dueDate: '2027-03-31',
        status: 'open',
      },
      {
        actionId: EXAMPLE_IDS.secondAction,
        ownerCityId: EXAMPLE_IDS.surabaya,
        description: 'Submit the Surabaya composting programme to the best-practice library.',
        dueDate: '2026-12-31',
        status: 'open',
      },
    ],
  },
});
