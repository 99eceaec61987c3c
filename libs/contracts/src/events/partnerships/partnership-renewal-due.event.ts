import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { date } from '../schema-helpers';
import { examplePartnership } from './partnership-examples';
import { partnershipPayload } from './partnership-snapshot.schema';

/** A partnership is nearing its end date: time to decide on renewal. */
export const partnershipRenewalDueV1 = defineEvent({
  type: 'c2c.partnership.renewal-due.v1',
  topic: 'c2c.partnerships.v1',
  aggregate: 'partnership',
  description: 'A partnership with an end date is nearing it; a reminder for the participants to renew.',
  schema: partnershipPayload({
    endDate: date('The end date.'),
    daysRemaining: Type.Integer({ minimum: 0, description: 'Days from the reminder to the end date.' }),
  }),
  example: { partnership: examplePartnership(), endDate: '2031-03-31', daysRemaining: 90 },
});
