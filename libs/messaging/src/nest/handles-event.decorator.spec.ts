import 'reflect-metadata';
import type { AnyEventEnvelope, EventEnvelopeOf } from '@c2c/contracts';
import type { Tx } from '@c2c/persistence';
import { handledEventTypes, HandlesEvent } from './handles-event.decorator';

class Handlers {
  @HandlesEvent('c2c.city.archived.v1')
  one(_event: EventEnvelopeOf<'c2c.city.archived.v1'>, _tx: Tx): Promise<void> {
    return Promise.resolve();
  }

  @HandlesEvent('c2c.partnership.proposed.v1', 'c2c.partnership.accepted.v1')
  two(
    _event: AnyEventEnvelope<'c2c.partnership.proposed.v1' | 'c2c.partnership.accepted.v1'>,
    _tx: Tx,
  ): Promise<void> {
    return Promise.resolve();
  }

  plain(): Promise<void> {
    return Promise.resolve();
  }
}

describe(HandlesEvent.name, () => {
  it('records the one or several event types a method handles, and none on other methods', () => {
    const prototype = Handlers.prototype;
    expect(handledEventTypes(prototype.one)).toEqual(['c2c.city.archived.v1']);
    expect(handledEventTypes(prototype.two)).toEqual([
      'c2c.partnership.proposed.v1',
      'c2c.partnership.accepted.v1',
    ]);
    expect(handledEventTypes(prototype.plain)).toEqual([]);
    expect(handledEventTypes(undefined)).toEqual([]);
  });

  it('refuses to mark a method with no event type at all', () => {
    expect(() => HandlesEvent()).toThrow('at least one event type');
  });
});
