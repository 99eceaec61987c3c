import { defineEvent } from '../../registry/define-event';
import { examplePartnership } from './partnership-examples';
import { partnershipPayload } from './partnership-snapshot.schema';

/** Every participant has accepted: the partnership is in force. */
export const partnershipActivatedV1 = defineEvent({
  type: 'c2c.partnership.activated.v1',
  topic: 'c2c.partnerships.v1',
  aggregate: 'partnership',
  description:
    'Every participant city accepted, so the partnership became `active` (every participant has ' +
    '`acceptedAt`). Follows the last c2c.partnership.accepted.v1.',
  schema: partnershipPayload({}),
  example: { partnership: examplePartnership() },
});
