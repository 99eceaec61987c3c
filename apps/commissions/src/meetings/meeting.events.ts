import type { EventData } from '@c2c/contracts';
import type { Meeting } from './meeting';

// The contract event of each meeting change, built from the domain object; keyed by commission, so a
// commission's meetings and what they adopt stay in order on c2c.commissions.v1.

export const meetingScheduledData = (meeting: Meeting): EventData<'c2c.commission.meeting-scheduled.v1'> => ({
  commissionId: meeting.commissionId,
  meetingId: meeting.id,
  title: meeting.title,
  startsAt: meeting.startsAt.toISOString(),
  timeZone: meeting.timeZone,
  ...(meeting.hostCityId === null ? {} : { hostCityId: meeting.hostCityId }),
  ...(meeting.onlineUrl === null ? {} : { onlineUrl: meeting.onlineUrl }),
  agenda: meeting.agenda,
});

export const meetingHeldData = (meeting: Meeting): EventData<'c2c.commission.meeting-held.v1'> => ({
  commissionId: meeting.commissionId,
  meetingId: meeting.id,
  heldOn: meeting.heldOn ?? '',
  attendingCityIds: meeting.attendingCityIds,
  minutes: meeting.minutes ?? '',
});

export const meetingCancelledData = (meeting: Meeting): EventData<'c2c.commission.meeting-cancelled.v1'> => ({
  commissionId: meeting.commissionId,
  meetingId: meeting.id,
  reason: meeting.cancellationReason ?? '',
});
