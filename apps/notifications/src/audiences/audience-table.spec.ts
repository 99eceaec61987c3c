import { eventDefinition, type EventData, type EventType } from '@c2c/contracts';
import type { Audience } from './audience';
import { AUDIENCES, audiencesOf, NOTIFYING_EVENT_TYPES } from './audience-table';

// Row by row: who each event type reaches, checked on the contract's own example of that event.
const EXPECTED: Readonly<Record<string, Audience['kind'][]>> = {
  'c2c.city.registered.v1': ['secretariat'],
  'c2c.city.membership-changed.v1': ['city', 'secretariat'],
  'c2c.city.archived.v1': ['city', 'secretariat'],
  'c2c.partnership.proposed.v1': ['city', 'city', 'secretariat'],
  'c2c.partnership.accepted.v1': ['city', 'city'],
  'c2c.partnership.declined.v1': ['city', 'city'],
  'c2c.partnership.withdrawn.v1': ['city', 'city'],
  'c2c.partnership.activated.v1': ['city', 'city', 'secretariat'],
  'c2c.partnership.suspended.v1': ['city', 'city', 'secretariat'],
  'c2c.partnership.resumed.v1': ['city', 'city'],
  'c2c.partnership.terminated.v1': ['city', 'city', 'secretariat'],
  'c2c.partnership.expired.v1': ['city', 'city', 'secretariat'],
  'c2c.partnership.dormant.v1': ['city', 'city', 'secretariat'],
  'c2c.partnership.renewal-due.v1': ['city', 'city'],
  'c2c.partnership.activity-recorded.v1': ['city', 'city'],
  'c2c.commission.membership-requested.v1': ['city', 'commission-officers', 'secretariat'],
  'c2c.commission.member-admitted.v1': ['city', 'commission-members'],
  'c2c.commission.membership-rejected.v1': ['city', 'commission-officers'],
  'c2c.commission.member-left.v1': ['city', 'commission-officers'],
  'c2c.commission.chair-changed.v1': ['commission-members'],
  'c2c.commission.meeting-scheduled.v1': ['commission-members'],
  'c2c.commission.meeting-held.v1': ['commission-members'],
  'c2c.commission.meeting-cancelled.v1': ['commission-members'],
  'c2c.commission.resolution-adopted.v1': ['commission-members'],
  'c2c.commission.action-status-changed.v1': ['city', 'commission-officers'],
  'c2c.commission.action-overdue.v1': ['city', 'commission-officers', 'secretariat'],
  'c2c.best-practice.submitted.v1': ['city', 'secretariat'],
  'c2c.best-practice.published.v1': ['city', 'secretariat'],
  'c2c.best-practice.returned.v1': ['city'],
};

const example = <T extends EventType>(type: T): EventData<T> => eventDefinition(type).example as EventData<T>;

describe('the audience table', () => {
  it.each(Object.entries(EXPECTED))('%s reaches %j', (type, kinds) => {
    const data = example(type as EventType);
    const audiences = audiencesOf({ type: type as EventType, data });
    expect(audiences.map((a) => a.kind)).toEqual(kinds);
    // Every city and commission it names is one the event itself is about.
    const payload = JSON.stringify(data);
    for (const audience of audiences) {
      if (audience.kind === 'city') expect(payload).toContain(audience.cityId);
      if (audience.kind === 'commission-members' || audience.kind === 'commission-officers') {
        expect((data as { commissionId?: string }).commissionId).toBe(audience.commissionId);
      }
    }
  });

  it('has a row for exactly the types above, and none notifies no one', () => {
    expect([...NOTIFYING_EVENT_TYPES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(AUDIENCES)).toHaveLength(Object.keys(EXPECTED).length);
  });

  it('notifies no one of an event type without a row (a profile edit)', () => {
    const quiet = {
      type: 'c2c.city.profile-updated.v1' as const,
      data: example('c2c.city.profile-updated.v1'),
    };
    expect(audiencesOf(quiet)).toEqual([]);
  });
});
