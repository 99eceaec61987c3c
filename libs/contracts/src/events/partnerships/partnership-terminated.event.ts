import { defineEvent } from '../../registry/define-event';
import { EXAMPLE_IDS } from '../example-data';
import { examplePartnership } from './partnership-examples';
import { actorAndReason, partnershipPayload } from './partnership-snapshot.schema';

/** A partnership was ended before its end date. */
export const partnershipTerminatedV1 = defineEvent({
  type: 'c2c.partnership.terminated.v1',
  topic: 'c2c.partnerships.v1',
  aggregate: 'partnership',
  description:
    'An active or suspended partnership was ended early; the partnership is `terminated` for good.',
  schema: partnershipPayload(actorAndReason),
  example: {
    partnership: examplePartnership({ status: 'terminated' }),
    actorId: EXAMPLE_IDS.actor,
    reason: 'Both councils agreed to continue through the multilateral network instead.',
  },
});
