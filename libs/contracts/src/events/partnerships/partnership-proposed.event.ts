import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { exampleProposedPartnership } from './partnership-examples';
import { partnershipPayload } from './partnership-snapshot.schema';

/** A city proposed a partnership to one or more others. */
export const partnershipProposedV1 = defineEvent({
  type: 'c2c.partnership.proposed.v1',
  topic: 'c2c.partnerships.v1',
  aggregate: 'partnership',
  description:
    'A city proposed a partnership. The proposer has accepted by proposing; every partner is invited ' +
    'to accept (status `proposed`).',
  schema: partnershipPayload({
    actorId: Type.Optional(uuid('The user who made the proposal on behalf of the proposer.')),
  }),
  example: { partnership: exampleProposedPartnership(), actorId: EXAMPLE_IDS.actor },
});
