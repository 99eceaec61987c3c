import type { EventData } from '@c2c/contracts';
import type { ActionStatus, FollowUpAction, Resolution } from './resolution';

// The contract event of each change, built from the domain objects; keyed by commission like its
// meetings, so an adoption follows the meeting-held it depends on.

export const resolutionAdoptedData = (r: Resolution): EventData<'c2c.commission.resolution-adopted.v1'> => ({
  commissionId: r.commissionId,
  resolutionId: r.id,
  meetingId: r.meetingId,
  kind: r.kind,
  title: r.title,
  text: r.text,
  actions: r.actions.map((a) => ({
    actionId: a.id,
    ownerCityId: a.ownerCityId,
    description: a.description,
    dueDate: a.dueDate,
    status: a.status,
  })),
});

export const actionStatusChangedData = (
  action: FollowUpAction,
  previousStatus: ActionStatus,
  changedBy: string | undefined,
): EventData<'c2c.commission.action-status-changed.v1'> => ({
  commissionId: action.commissionId,
  resolutionId: action.resolutionId,
  actionId: action.id,
  ownerCityId: action.ownerCityId,
  previousStatus,
  status: action.status,
  ...(changedBy === undefined ? {} : { changedBy }),
});
