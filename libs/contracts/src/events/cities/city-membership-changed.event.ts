import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { date, stringEnum, text, uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { MEMBERSHIP_STATUSES } from './city-vocabularies';

/** A city's standing in the Asian Mayors Forum changed. */
export const cityMembershipChangedV1 = defineEvent({
  type: 'c2c.city.membership-changed.v1',
  topic: 'c2c.cities.v1',
  aggregate: 'city',
  description: "A city's AMF membership status changed (e.g. an observer became a member).",
  schema: Type.Object({
    cityId: uuid('The city.'),
    previousStatus: stringEnum(MEMBERSHIP_STATUSES, { description: 'Status before the change.' }),
    membershipStatus: stringEnum(MEMBERSHIP_STATUSES, { description: 'Status from now on.' }),
    changedOn: date('Day the new status takes effect.'),
    reason: Type.Optional(text('Why, e.g. the decision that admitted the city.')),
  }),
  example: {
    cityId: EXAMPLE_IDS.daNang,
    previousStatus: 'observer',
    membershipStatus: 'member',
    changedOn: '2026-05-14',
    reason: 'Admitted by the AMF General Assembly.',
  },
});
