import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { dateTime, text, uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { commissionId, memberCityId, membershipRequestId } from './commission-fields.schema';

/** A city applied to become a member of a commission. */
export const commissionMembershipRequestedV1 = defineEvent({
  type: 'c2c.commission.membership-requested.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'commission',
  description:
    'A city applied to join a commission, with its motivation. The request is pending until an officer ' +
    'of that commission or the secretariat approves it (`member-admitted`) or rejects it ' +
    '(`membership-rejected`).',
  schema: Type.Object({
    commissionId,
    requestId: membershipRequestId,
    cityId: memberCityId,
    motivation: text('Why the city wants to join, in its own words.'),
    requestedAt: dateTime('When the city applied.'),
    actorId: Type.Optional(uuid('The city officer who applied on behalf of the city.')),
  }),
  example: {
    commissionId: EXAMPLE_IDS.cityToCityCommission,
    requestId: EXAMPLE_IDS.membershipRequest,
    cityId: EXAMPLE_IDS.daNang,
    motivation:
      'Da Nang has sister-city ties across Asia and wants to share its experience of coastal urban ' +
      'development with the commission.',
    requestedAt: '2026-05-20T03:15:00Z',
    actorId: EXAMPLE_IDS.actor,
  },
});
