import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { date } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { actionId, commissionId, ownerCityId, resolutionId } from './commission-fields.schema';

/** A follow-up action passed its due date without being done or dropped. */
export const commissionActionOverdueV1 = defineEvent({
  type: 'c2c.commission.action-overdue.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'commission',
  description:
    'A scheduled sweep found a follow-up action past its due date and still open or in progress. ' +
    'Published once per action, whatever the number of service instances.',
  schema: Type.Object({
    commissionId,
    resolutionId,
    actionId,
    ownerCityId,
    dueDate: date('Day the action was due.'),
    daysOverdue: Type.Integer({ minimum: 1, description: 'Whole days past the due date when found.' }),
  }),
  example: {
    commissionId: EXAMPLE_IDS.cityToCityCommission,
    resolutionId: EXAMPLE_IDS.resolution,
    actionId: EXAMPLE_IDS.secondAction,
    ownerCityId: EXAMPLE_IDS.surabaya,
    dueDate: '2026-12-31',
    daysOverdue: 1,
  },
});
