import { ATTRIBUTE_PATTERNS } from './attribute-formats';
import {
  CE_HEADERS,
  CLOUDEVENTS_SPEC_VERSION,
  CONTENT_TYPE_HEADER,
  EVENT_CONTENT_TYPE,
} from './cloudevent-headers';

const text = (description: string) => ({ type: 'string', minLength: 1, description });

/**
 * JSON Schema of the Kafka headers of every C2C event (binary mode), as documented in AsyncAPI.
 * Header values are strings on the wire, so `ce_sequence` is a decimal string here.
 */
export const CLOUDEVENT_HEADERS_SCHEMA = {
  type: 'object',
  description: 'CloudEvents 1.0 context attributes in the Kafka binary content mode.',
  required: [
    CE_HEADERS.specversion,
    CE_HEADERS.id,
    CE_HEADERS.source,
    CE_HEADERS.type,
    CE_HEADERS.subject,
    CE_HEADERS.time,
    CE_HEADERS.dataschema,
    CE_HEADERS.sequence,
    CONTENT_TYPE_HEADER,
  ],
  properties: {
    [CE_HEADERS.specversion]: { type: 'string', const: CLOUDEVENTS_SPEC_VERSION },
    [CE_HEADERS.id]: {
      type: 'string',
      format: 'uuid',
      description: 'Event id; the same on redelivery, so consumers deduplicate on it.',
    },
    [CE_HEADERS.source]: {
      type: 'string',
      pattern: ATTRIBUTE_PATTERNS.source,
      description: 'Producing service, /c2c/<service>.',
    },
    [CE_HEADERS.type]: {
      type: 'string',
      pattern: ATTRIBUTE_PATTERNS.eventType,
      description: 'Event type, c2c.<aggregate>.<event>.v<N>. Skip types you do not know.',
    },
    [CE_HEADERS.subject]: {
      type: 'string',
      format: 'uuid',
      description: 'Aggregate id; equals the record key.',
    },
    [CE_HEADERS.time]: { type: 'string', format: 'date-time', description: 'When the fact happened.' },
    [CE_HEADERS.dataschema]: {
      type: 'string',
      format: 'uri',
      description: "URI of the payload's JSON Schema.",
    },
    [CONTENT_TYPE_HEADER]: { type: 'string', const: EVENT_CONTENT_TYPE },
    [CE_HEADERS.sequence]: {
      type: 'string',
      pattern: ATTRIBUTE_PATTERNS.sequence,
      description: "Extension `sequence`: the event's position in its aggregate's history (decimal).",
    },
    [CE_HEADERS.correlationid]: text('Extension `correlationid`: shared by everything one request caused.'),
    [CE_HEADERS.causationid]: text('Extension `causationid`: the command or event that caused this one.'),
    [CE_HEADERS.traceparent]: {
      type: 'string',
      pattern: ATTRIBUTE_PATTERNS.traceparent,
      description: 'Extension `traceparent`: W3C Trace Context of the producing span.',
    },
  },
} as const;
