// The meeting domain: plain types and rules, no Nest, no TypeORM.
import { MEETING_STATUSES, type MeetingAgendaItem, type MeetingStatus } from '@c2c/contracts';

export { MEETING_STATUSES, type MeetingAgendaItem, type MeetingStatus };

export interface Meeting {
  id: string;
  commissionId: string;
  title: string;
  startsAt: Date;
  /** IANA zone the organisers use; the instant is `startsAt`, the zone only tells its local time. */
  timeZone: string;
  hostCityId: string | null;
  onlineUrl: string | null;
  agenda: MeetingAgendaItem[];
  status: MeetingStatus;
  /** Set when held: the day it took place in its own time zone. */
  heldOn: string | null;
  attendingCityIds: string[];
  minutes: string | null;
  cancellationReason: string | null;
  scheduledBy: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The calendar day of an instant in a time zone: a meeting at 02:00 UTC in Jakarta is held on the day
 * the people in the room see (`en-CA` formats as YYYY-MM-DD).
 */
export const dayIn = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );

export function holdMeeting(
  meeting: Meeting,
  attendingCityIds: string[],
  minutes: string,
  at: Date,
): Meeting {
  return {
    ...meeting,
    status: 'held',
    heldOn: dayIn(meeting.startsAt, meeting.timeZone),
    attendingCityIds,
    minutes,
    version: meeting.version + 1,
    updatedAt: at,
  };
}

export function cancelMeeting(meeting: Meeting, reason: string, at: Date): Meeting {
  return {
    ...meeting,
    status: 'cancelled',
    cancellationReason: reason,
    version: meeting.version + 1,
    updatedAt: at,
  };
}
