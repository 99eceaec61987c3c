import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { nullable, uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { commissionId } from './commission-fields.schema';

/** The chair or vice-chairs of a commission changed. */
export const commissionChairChangedV1 = defineEvent({
  type: 'c2c.commission.chair-changed.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'commission',
  description:
    "The secretariat set a commission's chair and vice-chairs (always member cities), or a chair or " +
    'vice-chair left the commission. Carries the whole bureau after the change, so a subscriber ' +
    'replaces what it had.',
  schema: Type.Object({
    commissionId,
    chairCityId: nullable(uuid('The chair city.'), 'null while the commission has no chair.'),
    viceChairCityIds: Type.Array(uuid('A vice-chair city.'), {
      uniqueItems: true,
      description: 'Every vice-chair city after the change (possibly none).',
    }),
    changedBy: Type.Optional(
      uuid('The secretariat user who made the change; absent when a member leaving caused it.'),
    ),
  }),
  example: {
    commissionId: EXAMPLE_IDS.cityToCityCommission,
    chairCityId: EXAMPLE_IDS.kitakyushu,
    viceChairCityIds: [EXAMPLE_IDS.surabaya, EXAMPLE_IDS.daNang],
    changedBy: EXAMPLE_IDS.secretariatOfficer,
  },
});
