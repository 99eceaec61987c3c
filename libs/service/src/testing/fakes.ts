import { randomUUID } from 'node:crypto';
import {
  createEventEnvelope,
  validateEventData,
  type EventData,
  type EventEnvelopeOf,
  type EventType,
} from '@c2c/contracts';
import type { Outbox, OutboxAddOptions } from '@c2c/messaging';
import type { TransactionRunner, Tx } from '@c2c/persistence';

/** An event a use case wrote to the (fake) outbox. */
export interface RecordedEvent {
  type: EventType;
  data: unknown;
  aggregateId: string;
  time?: Date;
}

/**
 * The outbox of a unit test: records what a use case would publish and refuses what the real one
 * refuses (data that breaks its contract), answering with an envelope numbered per aggregate.
 */
export class FakeOutbox implements Pick<Outbox, 'add'> {
  readonly events: RecordedEvent[] = [];

  add<T extends EventType>(
    _tx: Pick<Tx, 'query'>,
    type: T,
    data: EventData<T>,
    options: OutboxAddOptions,
  ): Promise<EventEnvelopeOf<T>> {
    const validation = validateEventData(type, data);
    if (!validation.ok) return Promise.reject(new Error(`${type}: ${JSON.stringify(validation.errors)}`));
    this.events.push({ type, data, aggregateId: options.aggregateId, time: options.time });
    const sequence = this.events.filter((event) => event.aggregateId === options.aggregateId).length;
    const time = (options.time ?? new Date()).toISOString();
    return Promise.resolve(
      createEventEnvelope(type, data, { id: randomUUID(), subject: options.aggregateId, time, sequence }),
    );
  }

  /** The payloads written of one type, oldest first. */
  ofType<T extends EventType>(type: T): EventData<T>[] {
    return this.events.filter((event) => event.type === type).map((event) => event.data as EventData<T>);
  }
}

/** Runs the work at once: fakes have no transactions to open. */
export const fakeTransactions: Pick<TransactionRunner, 'run'> = {
  run: <T>(work: (tx: Tx) => Promise<T>) => work({} as Tx),
};
