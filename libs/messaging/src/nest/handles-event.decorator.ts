import { EventType } from '@c2c/contracts';
import { EventHandlerFn } from '../consumer/event-consumer';

export const HANDLES_EVENT = Symbol('c2c:handles-event');

/**
 * Marks a provider method as the handler of one event type. The compiler checks that the method takes
 * that type's envelope; at run time the payload has been validated against the contract, the event id
 * is recorded in the inbox, and the method's writes share the transaction `tx`, so an effect is applied
 * once however often the event is delivered.
 *
 * @example
 *   @HandlesEvent('c2c.city.archived.v1')
 *   async onCityArchived(event: EventEnvelopeOf<'c2c.city.archived.v1'>, tx: Tx) { … }
 */
export function HandlesEvent<T extends EventType>(type: T) {
  return (
    _target: object,
    _key: string | symbol,
    descriptor: TypedPropertyDescriptor<EventHandlerFn<T>>,
  ): void => {
    if (descriptor.value) Reflect.defineMetadata(HANDLES_EVENT, type, descriptor.value);
  };
}

export function handledEventType(method: unknown): EventType | undefined {
  return typeof method === 'function'
    ? (Reflect.getMetadata(HANDLES_EVENT, method) as EventType | undefined)
    : undefined;
}
