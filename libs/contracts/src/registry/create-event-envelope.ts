import { CLOUDEVENTS_SPEC_VERSION, EVENT_CONTENT_TYPE } from '../cloudevents/cloudevent-headers';
import { eventDefinition, type EventData, type EventEnvelopeOf, type EventType } from './event-registry';

/** What a producer supplies besides type and data; the rest follows from the registry. */
export interface EnvelopeAttributes {
  /** New uuid per event (e.g. `crypto.randomUUID()`); kept on redelivery. */
  readonly id: string;
  /** The aggregate id. */
  readonly subject: string;
  /** When the fact happened, RFC 3339 (`new Date().toISOString()`). */
  readonly time: string;
  /** The aggregate's sequence number for this event. */
  readonly sequence: number;
  readonly correlationid?: string;
  readonly causationid?: string;
  readonly traceparent?: string;
}

/**
 * Builds the envelope of a registered event: `source` and `dataschema` come from the definition, so a
 * producer cannot get them wrong. Pure: ids and clock are the caller's (testable, replayable). Does not
 * validate `data`; call `validateEventData` where untyped input could reach it.
 */
export function createEventEnvelope<T extends EventType>(
  type: T,
  data: EventData<T>,
  attributes: EnvelopeAttributes,
): EventEnvelopeOf<T> {
  const definition = eventDefinition(type);
  const { correlationid, causationid, traceparent } = attributes;
  return {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id: attributes.id,
    source: definition.source,
    type,
    subject: attributes.subject,
    time: attributes.time,
    dataschema: definition.dataschema,
    datacontenttype: EVENT_CONTENT_TYPE,
    sequence: attributes.sequence,
    ...(correlationid === undefined ? {} : { correlationid }),
    ...(causationid === undefined ? {} : { causationid }),
    ...(traceparent === undefined ? {} : { traceparent }),
    data,
  };
}
