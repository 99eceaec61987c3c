import { defineEvent } from '../../registry/define-event';
import { EXAMPLE_IDS } from '../example-data';
import { examplePartnership } from './partnership-examples';
import { actorAndReason, partnershipPayload } from './partnership-snapshot.schema';

/** A suspended partnership became active again. */
export const partnershipResumedV1 = defineEvent({
  type: 'c2c.partnership.resumed.v1',
  topic: 'c2c.partnerships.v1',
  aggregate: 'partnership',
  description: 'A suspended partnership was resumed and is `active` again.',
  schema: partnershipPayload(actorAndReason),
  example: {
    partnership: examplePartnership(),
    actorId: EXAMPLE_IDS.actor,
    reason: 'New city administration confirmed the agreement.',
  },
});
