import { toKafkaRecord } from '../cloudevents/kafka-binding';
import { createEventEnvelope } from './create-event-envelope';
import { decodeKafkaEvent } from './decode-kafka-event';
import { eventDefinition } from './event-registry';

const attributes = {
  id: '9b2f4c6e-1a3d-4e5f-8a7b-0c1d2e3f4a5b',
  subject: 'f2b7c9d1-4e8a-4c3f-a6b2-9d5e1f7a3c20',
  time: '2026-04-01T00:00:00Z',
  sequence: 4,
  correlationid: 'req-1',
};
const activated = createEventEnvelope(
  'c2c.partnership.activated.v1',
  eventDefinition('c2c.partnership.activated.v1').example,
  attributes,
);

describe(decodeKafkaEvent.name, () => {
  it('returns a typed, validated envelope for a well-formed record of a known type', () => {
    const { headers, value } = toKafkaRecord(activated);
    const result = decodeKafkaEvent(headers, value);
    expect(result).toEqual({ ok: true, event: activated });
    if (result.ok && result.event.type === 'c2c.partnership.activated.v1') {
      // Narrowed by the type: no cast needed to reach the snapshot.
      expect(result.event.data.partnership.status).toBe('active');
    }
  });

  it('sets unknown types apart, for consumers to skip rather than dead-letter', () => {
    const { headers, value } = toKafkaRecord({ ...activated, type: 'c2c.partnership.renamed.v1' });
    expect(decodeKafkaEvent(headers, value)).toMatchObject({
      ok: false,
      reason: 'unknown-type',
      envelope: { type: 'c2c.partnership.renamed.v1' },
    });
  });

  it('reports a payload that breaks its schema', () => {
    const { headers } = toKafkaRecord(activated);
    expect(decodeKafkaEvent(headers, JSON.stringify({ partnership: { partnershipId: 'x' } }))).toMatchObject({
      ok: false,
      reason: 'invalid-data',
      problems: expect.arrayContaining([
        { path: '/partnership/partnershipId', message: 'must match format "uuid"' },
        { path: '/partnership/title', message: 'is required' },
      ]) as unknown,
    });
  });

  it('reports a malformed envelope without looking at the registry', () => {
    const { headers, value } = toKafkaRecord(activated);
    expect(decodeKafkaEvent({ ...headers, ce_specversion: '0.3' }, value)).toMatchObject({
      ok: false,
      reason: 'malformed-envelope',
      problems: [{ code: 'malformed-header', header: 'ce_specversion' }],
    });
  });
});

describe(createEventEnvelope.name, () => {
  it('fills source, dataschema and the constant attributes from the registry', () => {
    expect(activated).toEqual({
      specversion: '1.0',
      ...attributes,
      source: '/c2c/partnerships',
      type: 'c2c.partnership.activated.v1',
      dataschema: 'https://schemas.c2c.asianmayorsforum.org/events/c2c.partnership.activated.v1.json',
      datacontenttype: 'application/json',
      data: eventDefinition('c2c.partnership.activated.v1').example,
    });
    expect(activated).not.toHaveProperty('causationid');
  });
});
