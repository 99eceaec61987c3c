import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { actionId, actionStatus, commissionId, ownerCityId, resolutionId } from './commission-fields.schema';

/** The status of a resolution's follow-up action changed. */
export const commissionActionStatusChangedV1 = defineEvent({
  type: 'c2c.commission.action-status-changed.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'commission',
  description:
    "An officer of the action's owner city or of the commission changed the status of a follow-up " +
    'action (open → in-progress → done, or dropped).',
  schema: Type.Object({
    commissionId,
    resolutionId,
    actionId,
    ownerCityId,
    previousStatus: actionStatus('Status before the change.'),
    status: actionStatus('Status from now on.'),
    changedBy: Type.Optional(uuid('The user who changed the status.')),
  }),
  example: {
    commissionId: EXAMPLE_IDS.cityToCityCommission,
    resolutionId: EXAMPLE_IDS.resolution,
    actionId: EXAMPLE_IDS.action,
    ownerCityId: EXAMPLE_IDS.kitakyushu,
    previousStatus: 'open',
    status: 'in-progress',
    changedBy: EXAMPLE_IDS.actor,
  },
});
