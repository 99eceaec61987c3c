import { randomUUID } from 'node:crypto';
import { CE_HEADERS, MAX_EVENT_BYTES } from '@c2c/contracts';
import { eventDataFor } from '@c2c/testing';
import { MessageContexts } from '../context/message-context';
import { Outbox, OutboxContractError, OutboxTransaction } from './outbox';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

/** Keeps the rows the outbox would insert; numbers each one 1, as a fresh aggregate would be. */
class FakeOutboxTable implements OutboxTransaction {
  readonly rows: Record<string, string>[] = [];

  // Generic like TypeORM's `EntityManager.query`, whose result type the caller names.
  query<T>(_sql: string, params: unknown[] = []): Promise<T> {
    this.rows.push(JSON.parse(String(params[4])) as Record<string, string>);
    return Promise.resolve([{ sequence: '1' }] as T);
  }
}

const add = (tx: FakeOutboxTable, traceparent?: string) => {
  const cityId = randomUUID();
  return new Outbox('cities').add(
    tx,
    'c2c.city.archived.v1',
    eventDataFor('c2c.city.archived.v1', { cityId }),
    { aggregateId: cityId, ...(traceparent === undefined ? {} : { traceparent }) },
  );
};

describe(Outbox.name, () => {
  it('writes a valid traceparent into the row headers unchanged', async () => {
    const tx = new FakeOutboxTable();

    const envelope = await add(tx, TRACEPARENT);

    expect(envelope.traceparent).toBe(TRACEPARENT);
    expect(tx.rows[0]?.[CE_HEADERS.traceparent]).toBe(TRACEPARENT);
  });

  it.each([
    'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
    '00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01',
  ])('refuses the traceparent %s, which every consumer would dead-letter', async (traceparent) => {
    const tx = new FakeOutboxTable();

    await expect(add(tx, traceparent)).rejects.toThrow(OutboxContractError);
    await expect(
      MessageContexts.run({ correlationId: 'corr-1', traceparent }, () => add(tx)),
    ).rejects.toThrow(/not a W3C traceparent/);
    expect(tx.rows).toEqual([]);
  });

  it('refuses a payload over MAX_EVENT_BYTES, which every consumer would dead-letter unread', async () => {
    const tx = new FakeOutboxTable();
    const cityId = randomUUID();
    const data = {
      ...eventDataFor('c2c.city.archived.v1', { cityId }),
      reason: 'é'.repeat(MAX_EVENT_BYTES / 2),
    };

    await expect(
      new Outbox('cities').add(tx, 'c2c.city.archived.v1', data, { aggregateId: cityId }),
    ).rejects.toThrow(new RegExp(`payload is \\d+ bytes, more than the ${MAX_EVENT_BYTES}`));
    expect(tx.rows).toEqual([]);
  });
});
