import type { Static } from '@sinclair/typebox';
import type { EventEnvelope } from '../cloudevents/event-envelope';
import { BEST_PRACTICE_EVENTS } from '../events/best-practices';
import { CITY_EVENTS } from '../events/cities';
import { COMMISSION_EVENTS } from '../events/commissions';
import { PARTNERSHIP_EVENTS } from '../events/partnerships';
import { TOPIC_NAMES, type TopicName } from './topics';

/**
 * Every registered event definition. Adding an event = a new `*.event.ts` file listed in its
 * aggregate's index; everything below (types, validation, JSON Schema, AsyncAPI) follows from it.
 */
export const EVENT_DEFINITIONS = [
  ...CITY_EVENTS,
  ...PARTNERSHIP_EVENTS,
  ...COMMISSION_EVENTS,
  ...BEST_PRACTICE_EVENTS,
] as const;

/** Union of every registered definition, each with its own literal type, topic and schema. */
export type AnyEventDefinition = (typeof EVENT_DEFINITIONS)[number];

/** Event type → payload type, e.g. `EventMap['c2c.city.archived.v1']['cityId']` is `string`. */
export type EventMap = { [D in AnyEventDefinition as D['type']]: Static<D['schema']> };

/** Every registered event type literal. */
export type EventType = keyof EventMap;

/** Payload type of event type `T`. */
export type EventData<T extends EventType> = EventMap[T];

/** The definition object of event type `T`. */
export type EventDefinitionOf<T extends EventType> = Extract<AnyEventDefinition, { type: T }>;

/** The topic event type `T` is published on. */
export type TopicOf<T extends EventType> = EventDefinitionOf<T>['topic'];

/** Event types carried by `Topic` (`never` for a topic with no events yet). */
export type EventTypesOf<Topic extends TopicName> = Extract<AnyEventDefinition, { topic: Topic }>['type'];

/** A typed envelope of event type `T`. */
export type EventEnvelopeOf<T extends EventType> = EventEnvelope<T, EventData<T>>;

/**
 * Discriminated union of the typed envelopes of `T` (default: all types): `switch (e.type)` narrows
 * `e.data`.
 */
export type AnyEventEnvelope<T extends EventType = EventType> = { [K in T]: EventEnvelopeOf<K> }[T];

/** Discriminated union of the typed envelopes that can arrive on `Topic`. */
export type EventEnvelopeOfTopic<Topic extends TopicName> = AnyEventEnvelope<EventTypesOf<Topic>>;

const byType = new Map<string, AnyEventDefinition>();
for (const definition of EVENT_DEFINITIONS) {
  if (byType.has(definition.type)) throw new Error(`event type ${definition.type} is defined twice`);
  byType.set(definition.type, definition);
}

/** Every registered event type, in registration order. */
export const EVENT_TYPES: readonly EventType[] = EVENT_DEFINITIONS.map((definition) => definition.type);

/** Whether `type` is a registered event type (narrows a string read off the wire). */
export function isKnownEventType(type: string): type is EventType {
  return byType.has(type);
}

/**
 * The definition of a registered event type.
 *
 * @throws {Error} for an unregistered type, which only a cast can produce: check untrusted strings
 * with {@link isKnownEventType} first.
 */
export function eventDefinition<T extends EventType>(type: T): EventDefinitionOf<T> {
  const definition = byType.get(type);
  if (definition === undefined) throw new Error(`unknown event type ${type}`);
  return definition as EventDefinitionOf<T>;
}

/** The event types published on `topic`, in registration order. */
export function eventTypesOfTopic<Topic extends TopicName>(topic: Topic): readonly EventTypesOf<Topic>[] {
  return EVENT_DEFINITIONS.filter((definition) => definition.topic === topic).map(
    (definition) => definition.type as EventTypesOf<Topic>,
  );
}

/** The topic event type `type` is published on. */
export function topicOf<T extends EventType>(type: T): TopicOf<T> {
  return eventDefinition(type).topic as TopicOf<T>;
}

/** Every topic with the definitions published on it (topics without events included). */
export function definitionsByTopic(): ReadonlyArray<readonly [TopicName, readonly AnyEventDefinition[]]> {
  return TOPIC_NAMES.map((topic) => [topic, EVENT_DEFINITIONS.filter((d) => d.topic === topic)] as const);
}
