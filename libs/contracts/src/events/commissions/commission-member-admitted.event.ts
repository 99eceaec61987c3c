import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { date, stringEnum } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { decidedBy, commissionId, memberCityId, membershipRequestId } from './commission-fields.schema';
import { COMMISSION_MEMBER_ROLES } from './commission-vocabularies';

/** A city's membership request was approved: the city is a member of the commission. */
export const commissionMemberAdmittedV1 = defineEvent({
  type: 'c2c.commission.member-admitted.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'commission',
  description:
    "A commission officer or the secretariat approved a city's membership request: the city is a " +
    'member from `since`, with its role in the commission (a new member is normally `member`; chair ' +
    'and vice-chairs change with `chair-changed`).',
  schema: Type.Object({
    commissionId,
    requestId: membershipRequestId,
    cityId: memberCityId,
    role: stringEnum(COMMISSION_MEMBER_ROLES, { description: "The city's role in the commission." }),
    since: date('First day of the membership.'),
    decidedBy: Type.Optional(decidedBy),
  }),
  example: {
    commissionId: EXAMPLE_IDS.cityToCityCommission,
    requestId: EXAMPLE_IDS.membershipRequest,
    cityId: EXAMPLE_IDS.daNang,
    role: 'member',
    since: '2026-06-02',
    decidedBy: EXAMPLE_IDS.secretariatOfficer,
  },
});
