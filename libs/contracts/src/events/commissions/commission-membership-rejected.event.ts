import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { text } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { decidedBy, commissionId, memberCityId, membershipRequestId } from './commission-fields.schema';

/** A city's membership request was rejected, with a reason. */
export const commissionMembershipRejectedV1 = defineEvent({
  type: 'c2c.commission.membership-rejected.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'commission',
  description:
    "A commission officer or the secretariat rejected a city's membership request, or the platform " +
    'ended it because the city was archived (then `decidedBy` is absent). The city may apply again.',
  schema: Type.Object({
    commissionId,
    requestId: membershipRequestId,
    cityId: memberCityId,
    reason: text('Why the request was rejected, as told to the city.'),
    decidedBy: Type.Optional(decidedBy),
  }),
  example: {
    commissionId: EXAMPLE_IDS.cityToCityCommission,
    requestId: EXAMPLE_IDS.rejectedMembershipRequest,
    cityId: EXAMPLE_IDS.daNangDuplicate,
    reason: 'This city record duplicates Da Nang, whose own request is being considered.',
    decidedBy: EXAMPLE_IDS.secretariatOfficer,
  },
});
