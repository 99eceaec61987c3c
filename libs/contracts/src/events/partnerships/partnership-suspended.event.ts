import { defineEvent } from '../../registry/define-event';
import { examplePartnership } from './partnership-examples';
import { actorAndReason, partnershipPayload } from './partnership-snapshot.schema';

/** An active partnership was put on hold. */
export const partnershipSuspendedV1 = defineEvent({
  type: 'c2c.partnership.suspended.v1',
  topic: 'c2c.partnerships.v1',
  aggregate: 'partnership',
  description:
    'An active partnership was suspended, by an official or by the platform when a participant city ' +
    'was archived (then `actorId` is null).',
  schema: partnershipPayload(actorAndReason),
  example: {
    partnership: examplePartnership({ status: 'suspended' }),
    actorId: null,
    reason: 'A participant city was archived.',
  },
});
