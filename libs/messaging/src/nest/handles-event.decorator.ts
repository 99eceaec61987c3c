import type { AnyEventEnvelope, EventType } from '@c2c/contracts';
import type { Tx } from '@c2c/persistence';

export const HANDLES_EVENT = Symbol('c2c:handles-event');

/**
 * Marks a provider method as the handler of one event type, or of several alike. The compiler checks
 * that the method takes those types' envelopes; at run time the payload has been validated against the
 * contract, the event id is recorded in the inbox, and the method's writes share the transaction `tx`,
 * so an effect is applied once however often the event is delivered.
 *
 * @example
 *   @HandlesEvent('c2c.city.archived.v1')
 *   async onCityArchived(event: EventEnvelopeOf<'c2c.city.archived.v1'>, tx: Tx) { … }
 *
 *   @HandlesEvent(...eventTypesOfTopic('c2c.partnerships.v1'))   // a topic's events, a union envelope
 *   async onPartnershipEvent(event: EventEnvelopeOfTopic<'c2c.partnerships.v1'>, tx: Tx) { … }
 */
export function HandlesEvent<T extends EventType>(...types: readonly T[]) {
  if (types.length === 0) throw new Error('@HandlesEvent names at least one event type');
  return (
    _target: object,
    _key: string | symbol,
    descriptor: TypedPropertyDescriptor<(event: AnyEventEnvelope<T>, tx: Tx) => Promise<void>>,
  ): void => {
    if (descriptor.value) Reflect.defineMetadata(HANDLES_EVENT, types, descriptor.value);
  };
}

/** The event types a method handles; none when it is not a handler. */
export function handledEventTypes(method: unknown): readonly EventType[] {
  return typeof method === 'function'
    ? ((Reflect.getMetadata(HANDLES_EVENT, method) as readonly EventType[] | undefined) ?? [])
    : [];
}
