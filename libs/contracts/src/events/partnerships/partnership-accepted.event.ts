import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { text, uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { examplePartnership } from './partnership-examples';
import { partnershipPayload } from './partnership-snapshot.schema';

/** One invited city accepted a proposed partnership. */
export const partnershipAcceptedV1 = defineEvent({
  type: 'c2c.partnership.accepted.v1',
  topic: 'c2c.partnerships.v1',
  aggregate: 'partnership',
  description:
    'A participant city accepted a proposed partnership. When it was the last one, ' +
    'c2c.partnership.activated.v1 follows.',
  schema: partnershipPayload({
    cityId: uuid('The city that accepted.'),
    actorId: Type.Optional(uuid('The user who accepted on behalf of the city.')),
    reason: Type.Optional(text('Remarks given with the acceptance.')),
  }),
  example: {
    // Accepting does not activate by itself: the status is still `proposed` in this event.
    partnership: examplePartnership({ status: 'proposed' }),
    cityId: EXAMPLE_IDS.kitakyushu,
    actorId: EXAMPLE_IDS.actor,
  },
});
