import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { date, nullable } from '../schema-helpers';
import { examplePartnership } from './partnership-examples';
import { partnershipPayload } from './partnership-snapshot.schema';

/** An active partnership has had no recorded activity for a long time. */
export const partnershipDormantV1 = defineEvent({
  type: 'c2c.partnership.dormant.v1',
  topic: 'c2c.partnerships.v1',
  aggregate: 'partnership',
  description:
    'An active partnership was flagged dormant: no activity recorded for the configured number of ' +
    'months. The status does not change; recording an activity clears the flag.',
  schema: partnershipPayload({
    lastActivityOn: nullable(date('Last day of the latest activity.'), 'null when none was ever recorded.'),
    monthsWithoutActivity: Type.Integer({ minimum: 0, description: 'Whole months since then.' }),
  }),
  example: { partnership: examplePartnership(), lastActivityOn: '2027-05-20', monthsWithoutActivity: 18 },
});
