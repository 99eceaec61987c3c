import { defineEvent } from '../../registry/define-event';
import { date } from '../schema-helpers';
import { examplePartnership } from './partnership-examples';
import { partnershipPayload } from './partnership-snapshot.schema';

/** A partnership reached its end date. */
export const partnershipExpiredV1 = defineEvent({
  type: 'c2c.partnership.expired.v1',
  topic: 'c2c.partnerships.v1',
  aggregate: 'partnership',
  description: 'A partnership passed its end date without renewal and is `expired`.',
  schema: partnershipPayload({ expiredOn: date('The day after the end date.') }),
  example: { partnership: examplePartnership({ status: 'expired' }), expiredOn: '2031-04-01' },
});
