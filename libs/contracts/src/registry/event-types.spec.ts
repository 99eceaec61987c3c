// Compile-time guarantees of the registry. The `@ts-expect-error` lines are the assertions: if one of
// them compiled, TypeScript would report the directive as unused. `tsc --noEmit` (npm run typecheck)
// checks this file, and type-check.spec.ts runs the compiler on it under jest too.
import { createEventEnvelope } from './create-event-envelope';
import type {
  AnyEventEnvelope,
  EventData,
  EventEnvelopeOfTopic,
  EventType,
  EventTypesOf,
} from './event-registry';
import type { TopicName } from './topics';

/** What the outbox's `add` looks like to a producer: the type picks the only payload it accepts. */
function emit<T extends EventType>(type: T, data: EventData<T>): { type: T; data: EventData<T> } {
  return { type, data };
}

/** A producer bound to one topic may only emit that topic's types. */
function emitOn<Topic extends TopicName, T extends EventTypesOf<Topic>>(
  _topic: Topic,
  type: T,
  data: EventData<T>,
) {
  return emit(type, data);
}

const cityId = '5b0f6d8e-3c47-4a1e-9d2b-7e6f1a2c8b41';
const archived = { cityId, name: 'Surabaya', countryCode: 'ID', archivedAt: '2026-06-01T09:00:00Z' };

describe('event types at compile time', () => {
  it('accepts the right payload and rejects a wrong one', () => {
    const ok: EventData<'c2c.city.archived.v1'> = archived;
    // @ts-expect-error an archived city has cityId, name, countryCode and archivedAt, not `wrong`
    const wrong: EventData<'c2c.city.archived.v1'> = { wrong: 1 };
    // @ts-expect-error a required field is missing
    const partial: EventData<'c2c.city.archived.v1'> = { cityId };
    // @ts-expect-error the enum is checked: `village` is not a city level
    const level: EventData<'c2c.city.registered.v1'>['level'] = 'village';
    expect([ok, wrong, partial, level]).toHaveLength(4);
  });

  it('ties the payload to the type given to emit', () => {
    expect(emit('c2c.city.archived.v1', archived).data.cityId).toBe(cityId);
    // @ts-expect-error the payload of another event type does not fit
    emit('c2c.city.membership-changed.v1', archived);
    // @ts-expect-error an unregistered type does not compile
    emit('c2c.city.founded.v1', archived);
  });

  it('ties a topic to the types it carries', () => {
    const types: EventTypesOf<'c2c.cities.v1'>[] = ['c2c.city.archived.v1', 'c2c.city.registered.v1'];
    // @ts-expect-error partnership events are not on the cities topic
    const misplaced: EventTypesOf<'c2c.cities.v1'> = 'c2c.partnership.activated.v1';
    const practice: EventTypesOf<'c2c.commissions.v1'> = 'c2c.best-practice.published.v1';
    // @ts-expect-error city events are not on the commissions topic
    const foreign: EventTypesOf<'c2c.commissions.v1'> = 'c2c.city.archived.v1';
    expect([types, misplaced, practice, foreign]).toHaveLength(4);

    expect(emitOn('c2c.cities.v1', 'c2c.city.archived.v1', archived).type).toBe('c2c.city.archived.v1');
    // @ts-expect-error a cities producer cannot emit a partnership event
    emitOn('c2c.cities.v1', 'c2c.partnership.activated.v1', archived);
  });

  it('types the commission and best-practice payloads', () => {
    const left = { commissionId: cityId, cityId, reason: 'city-archived', leftOn: '2026-06-01' } as const;
    expect(emit('c2c.commission.member-left.v1', left).data.reason).toBe('city-archived');
    // @ts-expect-error `expelled` is not a reason a member leaves for
    emit('c2c.commission.member-left.v1', { ...left, reason: 'expelled' });
    // @ts-expect-error the practice events are keyed by practiceId and need its tags
    emit('c2c.best-practice.submitted.v1', { practiceId: cityId, cityId, title: 'Composting' });
    // @ts-expect-error `traffic` is not one of the common challenges
    const challenge: EventData<'c2c.best-practice.published.v1'>['challenges'][number] = 'traffic';
    // @ts-expect-error a chair-changed payload has a chair city or null, never a missing one
    const chair: EventData<'c2c.commission.chair-changed.v1'> = {
      commissionId: cityId,
      viceChairCityIds: [],
    };
    expect([challenge, chair]).toHaveLength(2);
  });

  it('narrows the payload of an envelope by its type', () => {
    const envelope = createEventEnvelope('c2c.city.archived.v1', archived, {
      id: '9b2f4c6e-1a3d-4e5f-8a7b-0c1d2e3f4a5b',
      subject: cityId,
      time: '2026-06-01T09:00:00Z',
      sequence: 3,
    }) as EventEnvelopeOfTopic<'c2c.cities.v1'>;
    expect(describeCityEvent(envelope)).toBe('Surabaya archived');
    // @ts-expect-error the data of an envelope cannot be swapped for another type's
    const swapped: AnyEventEnvelope<'c2c.city.archived.v1'> = { ...envelope, data: { cityId: 1 } };
    expect(swapped).toBeDefined();
  });
});

function describeCityEvent(event: EventEnvelopeOfTopic<'c2c.cities.v1'>): string {
  switch (event.type) {
    case 'c2c.city.registered.v1':
      return `${event.data.name} registered as ${event.data.membershipStatus}`;
    case 'c2c.city.profile-updated.v1':
      return `${event.data.changedFields.join(', ')} changed`;
    case 'c2c.city.membership-changed.v1':
      return `now ${event.data.membershipStatus}`;
    case 'c2c.city.archived.v1':
      return `${event.data.name} archived`;
    default: {
      // Exhaustive: a new city event type makes this assignment fail to compile.
      const unhandled: never = event;
      return unhandled;
    }
  }
}
