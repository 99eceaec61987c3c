import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { text, uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { exampleProposedPartnership } from './partnership-examples';
import { partnershipPayload } from './partnership-snapshot.schema';

/** An invited city declined a proposed partnership, which ends it. */
export const partnershipDeclinedV1 = defineEvent({
  type: 'c2c.partnership.declined.v1',
  topic: 'c2c.partnerships.v1',
  aggregate: 'partnership',
  description: 'A participant city declined a proposed partnership; the partnership is `declined` for good.',
  schema: partnershipPayload({
    cityId: uuid('The city that declined.'),
    actorId: Type.Optional(uuid('The user who declined on behalf of the city.')),
    reason: Type.Optional(text('Why the city declined.')),
  }),
  example: {
    partnership: exampleProposedPartnership({ status: 'declined' }),
    cityId: EXAMPLE_IDS.kitakyushu,
    actorId: EXAMPLE_IDS.actor,
    reason: 'The city council did not approve new sister-city agreements this fiscal year.',
  },
});
