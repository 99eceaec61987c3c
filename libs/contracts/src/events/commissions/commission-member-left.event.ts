import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { date, stringEnum } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { commissionId, memberCityId } from './commission-fields.schema';
import { COMMISSION_LEAVE_REASONS } from './commission-vocabularies';

/** A city is no longer a member of a commission. */
export const commissionMemberLeftV1 = defineEvent({
  type: 'c2c.commission.member-left.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'commission',
  description:
    'A city stopped being a member of a commission: it left, its city record was archived ' +
    '(`city-archived`, a reaction to `c2c.city.archived.v1`), or it was removed. A chair or vice-chair ' +
    'that leaves is followed by `chair-changed`.',
  schema: Type.Object({
    commissionId,
    cityId: memberCityId,
    reason: stringEnum(COMMISSION_LEAVE_REASONS, { description: 'Why the membership ended.' }),
    leftOn: date('Last day of the membership.'),
  }),
  example: {
    commissionId: EXAMPLE_IDS.cityToCityCommission,
    cityId: EXAMPLE_IDS.daNangDuplicate,
    reason: 'city-archived',
    leftOn: '2026-06-01',
  },
});
