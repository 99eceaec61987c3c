import { commissionActionOverdueV1 } from './commission-action-overdue.event';
import { commissionActionStatusChangedV1 } from './commission-action-status-changed.event';
import { commissionChairChangedV1 } from './commission-chair-changed.event';
import { commissionMeetingCancelledV1 } from './commission-meeting-cancelled.event';
import { commissionMeetingHeldV1 } from './commission-meeting-held.event';
import { commissionMeetingScheduledV1 } from './commission-meeting-scheduled.event';
import { commissionMemberAdmittedV1 } from './commission-member-admitted.event';
import { commissionMemberLeftV1 } from './commission-member-left.event';
import { commissionMembershipRejectedV1 } from './commission-membership-rejected.event';
import { commissionMembershipRequestedV1 } from './commission-membership-requested.event';
import { commissionResolutionAdoptedV1 } from './commission-resolution-adopted.event';

/** Every commission event on `c2c.commissions.v1` (key: commission id): membership, meetings, resolutions. */
export const COMMISSION_EVENTS = [
  commissionMembershipRequestedV1,
  commissionMemberAdmittedV1,
  commissionMembershipRejectedV1,
  commissionMemberLeftV1,
  commissionChairChangedV1,
  commissionMeetingScheduledV1,
  commissionMeetingHeldV1,
  commissionMeetingCancelledV1,
  commissionResolutionAdoptedV1,
  commissionActionStatusChangedV1,
  commissionActionOverdueV1,
] as const;
