import { partnershipAcceptedV1 } from './partnership-accepted.event';
import { partnershipActivatedV1 } from './partnership-activated.event';
import { partnershipActivityRecordedV1 } from './partnership-activity-recorded.event';
import { partnershipDeclinedV1 } from './partnership-declined.event';
import { partnershipDormantV1 } from './partnership-dormant.event';
import { partnershipExpiredV1 } from './partnership-expired.event';
import { partnershipProposedV1 } from './partnership-proposed.event';
import { partnershipRenewalDueV1 } from './partnership-renewal-due.event';
import { partnershipResumedV1 } from './partnership-resumed.event';
import { partnershipSuspendedV1 } from './partnership-suspended.event';
import { partnershipTerminatedV1 } from './partnership-terminated.event';
import { partnershipWithdrawnV1 } from './partnership-withdrawn.event';

/** Every event on `c2c.partnerships.v1`, in lifecycle order. */
export const PARTNERSHIP_EVENTS = [
  partnershipProposedV1,
  partnershipAcceptedV1,
  partnershipDeclinedV1,
  partnershipWithdrawnV1,
  partnershipActivatedV1,
  partnershipSuspendedV1,
  partnershipResumedV1,
  partnershipTerminatedV1,
  partnershipExpiredV1,
  partnershipDormantV1,
  partnershipRenewalDueV1,
  partnershipActivityRecordedV1,
] as const;
