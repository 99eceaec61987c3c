import type { EventEnvelope } from './event-envelope';
import { fromKafkaMessage, toKafkaHeaders, toKafkaRecord, type KafkaHeadersInput } from './kafka-binding';

const envelope: EventEnvelope<'c2c.city.archived.v1', { cityId: string }> = {
  specversion: '1.0',
  id: '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
  source: '/c2c/cities',
  type: 'c2c.city.archived.v1',
  subject: '0b6c3e9f-5d21-4f7a-8c4e-1a9d2b7f6e35',
  time: '2026-06-01T09:00:00.000Z',
  dataschema: 'https://schemas.c2c.asianmayorsforum.org/events/c2c.city.archived.v1.json',
  datacontenttype: 'application/json',
  sequence: 7,
  correlationid: 'req-42',
  causationid: 'cmd-17',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  data: { cityId: '0b6c3e9f-5d21-4f7a-8c4e-1a9d2b7f6e35' },
};

function problemsOf(headers: KafkaHeadersInput, value: Buffer | string | null = '{}') {
  const result = fromKafkaMessage(headers, value);
  if (result.ok) throw new Error('expected the record to be rejected');
  return result.problems;
}

describe('toKafkaHeaders', () => {
  it('writes every attribute as a ce_ header and the content type as content-type', () => {
    expect(toKafkaHeaders(envelope)).toEqual({
      ce_specversion: '1.0',
      ce_id: envelope.id,
      ce_source: '/c2c/cities',
      ce_type: 'c2c.city.archived.v1',
      ce_subject: envelope.subject,
      ce_time: envelope.time,
      ce_dataschema: envelope.dataschema,
      'content-type': 'application/json',
      ce_sequence: '7',
      ce_correlationid: 'req-42',
      ce_causationid: 'cmd-17',
      ce_traceparent: envelope.traceparent,
    });
  });

  it('leaves out absent extensions instead of sending them empty', () => {
    const { correlationid: _c, causationid: _k, traceparent: _t, ...bare } = envelope;
    const headers = toKafkaHeaders(bare);
    expect(headers).not.toHaveProperty('ce_correlationid');
    expect(headers).not.toHaveProperty('ce_causationid');
    expect(headers).not.toHaveProperty('ce_traceparent');
  });
});

describe('fromKafkaMessage', () => {
  it('reads back what toKafkaRecord wrote, from strings or Buffers', () => {
    const record = toKafkaRecord(envelope);
    expect(record.key).toBe(envelope.subject);
    expect(fromKafkaMessage(record.headers, record.value)).toEqual({ ok: true, envelope });

    const buffers = Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, Buffer.from(v)]));
    expect(fromKafkaMessage(buffers, Buffer.from(record.value))).toEqual({ ok: true, envelope });
  });

  it('names every missing required header', () => {
    const problems = problemsOf({});
    expect(problems.filter((p) => p.code === 'missing-header').map((p) => p.header)).toEqual([
      'ce_specversion',
      'ce_id',
      'ce_source',
      'ce_type',
      'ce_subject',
      'ce_time',
      'ce_dataschema',
      'ce_sequence',
      'content-type',
    ]);
  });

  it.each([
    ['ce_specversion', '0.3'],
    ['ce_id', 'not-a-uuid'],
    ['ce_source', 'cities'],
    ['ce_type', 'CityArchived'],
    ['ce_subject', ''],
    ['ce_time', '2026-02-30T09:00:00Z'],
    ['ce_time', '2026-06-01 09:00'],
    ['ce_dataschema', 'c2c.city.archived.v1.json'],
    ['ce_sequence', '-1'],
    ['ce_sequence', '007'],
    ['ce_traceparent', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['content-type', 'application/avro'],
  ])('reports a malformed %s (%j)', (header, value) => {
    const headers = { ...toKafkaHeaders(envelope), [header]: value };
    expect(problemsOf(headers)).toEqual([
      { code: 'malformed-header', header, message: expect.stringContaining(`"${value}"`) as unknown },
    ]);
  });

  it('accepts a content type with parameters and a repeated header with one value', () => {
    const headers = {
      ...toKafkaHeaders(envelope),
      'content-type': 'application/json; charset=utf-8',
      ce_id: [envelope.id, Buffer.from(envelope.id)],
    };
    expect(fromKafkaMessage(headers, '{}').ok).toBe(true);
  });

  it('rejects a header repeated with different values', () => {
    const headers = {
      ...toKafkaHeaders(envelope),
      ce_type: ['c2c.city.archived.v1', 'c2c.city.registered.v1'],
    };
    expect(problemsOf(headers)).toEqual([
      { code: 'malformed-header', header: 'ce_type', message: 'ce_type is repeated with different values' },
    ]);
  });

  it('reports a value that is not JSON, without throwing', () => {
    expect(problemsOf(toKafkaHeaders(envelope), '{"cityId": ')).toEqual([
      { code: 'invalid-json', message: expect.stringContaining('the value is not JSON') as unknown },
    ]);
  });

  it('reports a tombstone (null value) together with header problems', () => {
    const { ce_id: _id, ...headers } = toKafkaHeaders(envelope);
    expect(problemsOf(headers, null).map((p) => p.code)).toEqual(['missing-header', 'missing-value']);
  });
});
