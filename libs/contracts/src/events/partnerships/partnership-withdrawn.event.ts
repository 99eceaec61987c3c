import { defineEvent } from '../../registry/define-event';
import { EXAMPLE_IDS } from '../example-data';
import { exampleProposedPartnership } from './partnership-examples';
import { actorAndReason, partnershipPayload } from './partnership-snapshot.schema';

/** The proposer withdrew a partnership before every partner accepted. */
export const partnershipWithdrawnV1 = defineEvent({
  type: 'c2c.partnership.withdrawn.v1',
  topic: 'c2c.partnerships.v1',
  aggregate: 'partnership',
  description: 'The proposer withdrew its proposal before it became active; the partnership is `withdrawn`.',
  schema: partnershipPayload(actorAndReason),
  example: {
    partnership: exampleProposedPartnership({ status: 'withdrawn' }),
    actorId: EXAMPLE_IDS.actor,
    reason: 'Superseded by a multilateral network proposal covering the same cities.',
  },
});
