import { toKafkaRecord } from '../cloudevents/kafka-binding';
import { createEventEnvelope } from './create-event-envelope';
import { decodeKafkaEvent, MAX_EVENT_BYTES } from './decode-kafka-event';
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

  it('refuses a value over MAX_EVENT_BYTES before parsing it, counting bytes as the broker does', () => {
    const { headers } = toKafkaRecord(activated);
    const bytes = MAX_EVENT_BYTES + 2; // 'é' is two bytes in UTF-8: half as many characters
    const result = decodeKafkaEvent(headers, 'é'.repeat(bytes / 2));
    expect(result).toMatchObject({ ok: false, reason: 'too-large', bytes });
    expect(decodeKafkaEvent(headers, Buffer.alloc(MAX_EVENT_BYTES + 1))).toMatchObject({
      reason: 'too-large',
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

  describe('given the topic it arrived on', () => {
    it('accepts an event of the topic, from its owner', () => {
      const { headers, value } = toKafkaRecord(activated);
      expect(decodeKafkaEvent(headers, value, { topic: 'c2c.partnerships.v1' })).toEqual({
        ok: true,
        event: activated,
      });
    });

    it('refuses a source other than the topic owner as foreign-source, even for a type of the topic', () => {
      const { headers, value } = toKafkaRecord({ ...activated, source: '/c2c/cities' });
      expect(decodeKafkaEvent(headers, value, { topic: 'c2c.partnerships.v1' })).toMatchObject({
        ok: false,
        reason: 'foreign-source',
        problems: [
          { message: 'ce_source /c2c/cities is not /c2c/partnerships, the owner of c2c.partnerships.v1' },
        ],
      });
    });

    it('refuses an event of another topic from that topic owner as foreign-source', () => {
      // A partnerships event with its own (true) source, pushed onto the cities topic.
      const { headers, value } = toKafkaRecord(activated);
      expect(decodeKafkaEvent(headers, value, { topic: 'c2c.cities.v1' })).toMatchObject({
        ok: false,
        reason: 'foreign-source',
      });
    });

    it("refuses a type of another topic carrying the topic owner's source as type-not-of-topic", () => {
      const { headers, value } = toKafkaRecord({ ...activated, source: '/c2c/cities' });
      expect(decodeKafkaEvent(headers, value, { topic: 'c2c.cities.v1' })).toMatchObject({
        ok: false,
        reason: 'type-not-of-topic',
        problems: [
          { message: 'c2c.partnership.activated.v1 belongs to c2c.partnerships.v1, not to c2c.cities.v1' },
        ],
      });
    });

    it("refuses a foreign source before looking the type up, and leaves the owner's unknown types to be skipped", () => {
      const renamed = { ...activated, type: 'c2c.partnership.renamed.v1' };
      const forged = toKafkaRecord({ ...renamed, source: '/c2c/cities' });
      expect(decodeKafkaEvent(forged.headers, forged.value, { topic: 'c2c.partnerships.v1' })).toMatchObject({
        reason: 'foreign-source',
      });
      const owned = toKafkaRecord(renamed);
      expect(decodeKafkaEvent(owned.headers, owned.value, { topic: 'c2c.partnerships.v1' })).toMatchObject({
        reason: 'unknown-type',
      });
    });

    it('refuses any event on a topic the contracts give no owner', () => {
      const { headers, value } = toKafkaRecord(activated);
      expect(decodeKafkaEvent(headers, value, { topic: 'c2c.elsewhere.v1' })).toMatchObject({
        reason: 'foreign-source',
        problems: [{ message: 'topic c2c.elsewhere.v1 has no owning service in the contracts' }],
      });
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
