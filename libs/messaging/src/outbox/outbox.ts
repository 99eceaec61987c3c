import { randomUUID } from 'node:crypto';
import {
  createEventEnvelope,
  EventData,
  EventEnvelopeOf,
  EventType,
  topicOf,
  toKafkaHeaders,
  validateEventData,
  CE_HEADERS,
  isTraceparent,
  MAX_EVENT_BYTES,
} from '@c2c/contracts';
import type { Tx } from '@c2c/persistence';

/** What the outbox needs of a transaction: the caller's `Tx`, or any client inside a transaction. */
export type OutboxTransaction = Pick<Tx, 'query'>;
import { MessageContexts } from '../context/message-context';

export interface OutboxAddOptions {
  /** The aggregate the event is about: the Kafka key and the `subject`. */
  aggregateId: string;
  /** When the fact happened; defaults to now. */
  time?: Date;
  /** Override the ambient context (the HTTP request's or the handled event's). */
  correlationId?: string;
  causationId?: string;
  /** Must pass `isTraceparent` (from `@c2c/contracts`), like the ambient one; `add` refuses it otherwise. */
  traceparent?: string;
}

/**
 * A producer passed data that its own contract rejects, or a traceparent that is not a W3C one: a bug
 * in the producer, never sent.
 */
export class OutboxContractError extends Error {}

/**
 * The only way a service publishes: the event is written in the caller's transaction, so it exists if
 * and only if the state change that caused it commits. The relay sends it later. Each aggregate's
 * events get consecutive sequence numbers, and the row lock that numbers them also makes transactions
 * on one aggregate commit in sequence order, which is what lets the relay keep per-key order.
 */
export class Outbox {
  private readonly insertSql: string;

  constructor(schema: string) {
    const s = `"${schema}"`;
    this.insertSql = `
      with next as (
        insert into ${s}.outbox_sequence as seq (topic, aggregate_id, last_sequence) values ($1, $2, 1)
        on conflict (topic, aggregate_id) do update set last_sequence = seq.last_sequence + 1
        returning last_sequence
      )
      insert into ${s}.outbox (event_id, topic, event_type, aggregate_id, sequence, headers, payload)
      select $3, $1, $4, $2, next.last_sequence, $5::jsonb, $6::json from next
      returning sequence`;
  }

  async add<T extends EventType>(
    tx: OutboxTransaction,
    type: T,
    data: EventData<T>,
    options: OutboxAddOptions,
  ): Promise<EventEnvelopeOf<T>> {
    const validation = validateEventData(type, data);
    if (!validation.ok) {
      const problems = validation.errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ');
      throw new OutboxContractError(`${type} payload breaks its contract: ${problems}`);
    }
    const context = MessageContexts.current();
    const correlationid = options.correlationId ?? context?.correlationId;
    const causationid = options.causationId ?? context?.causationId;
    const traceparent = options.traceparent ?? context?.traceparent;
    // Every consumer dead-letters an envelope with a malformed traceparent: refuse it here instead.
    if (traceparent !== undefined && !isTraceparent(traceparent)) {
      throw new OutboxContractError(`${type} traceparent "${traceparent}" is not a W3C traceparent`);
    }
    const draft = createEventEnvelope(type, data, {
      id: randomUUID(),
      subject: options.aggregateId,
      time: (options.time ?? new Date()).toISOString(),
      sequence: 0,
      ...(correlationid === undefined ? {} : { correlationid }),
      ...(causationid === undefined ? {} : { causationid }),
      ...(traceparent === undefined ? {} : { traceparent }),
    });
    // Every consumer dead-letters an event bigger than this: refuse it before it is committed.
    const payload = JSON.stringify(data);
    // Counted in place: encoding the payload to count it would copy it on every write.
    const bytes = Buffer.byteLength(payload);
    if (bytes > MAX_EVENT_BYTES) {
      throw new OutboxContractError(
        `${type} payload is ${bytes} bytes, more than the ${MAX_EVENT_BYTES} an event may have`,
      );
    }
    // The sequence is known only once the row is numbered; the relay adds its header from the column.
    const { [CE_HEADERS.sequence]: _unnumbered, ...headers } = toKafkaHeaders(draft);
    const rows = (await tx.query(this.insertSql, [
      topicOf(type),
      options.aggregateId,
      draft.id,
      type,
      JSON.stringify(headers),
      payload,
    ])) as { sequence: string }[];
    return { ...draft, sequence: Number(rows[0]?.sequence) };
  }
}
