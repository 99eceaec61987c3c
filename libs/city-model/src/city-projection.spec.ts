import { randomUUID } from 'node:crypto';
import { createEventEnvelope, EventData } from '@c2c/contracts';
import {
  applyCityEvent,
  CityEvent,
  CityRecord,
  diffCityModels,
  emptyCityRecord,
  implausibleSequence,
  MAX_SEQUENCE_JUMP,
} from './city-projection';

const cityId = randomUUID();
let sequence = 0;
const at = (seq: number) => ({
  id: randomUUID(),
  subject: cityId,
  time: new Date().toISOString(),
  sequence: seq,
});

const registered = (seq = ++sequence): CityEvent =>
  createEventEnvelope(
    'c2c.city.registered.v1',
    {
      cityId,
      name: 'Surabaya',
      countryCode: 'ID',
      level: 'municipality',
      membershipStatus: 'observer',
      registeredAt: new Date().toISOString(),
    },
    at(seq),
  );
const renamed = (changes: EventData<'c2c.city.profile-updated.v1'>['changes'], seq = ++sequence): CityEvent =>
  createEventEnvelope(
    'c2c.city.profile-updated.v1',
    { cityId, changedFields: Object.keys(changes), changes, updatedAt: new Date().toISOString() },
    at(seq),
  );
const member = (seq = ++sequence): CityEvent =>
  createEventEnvelope(
    'c2c.city.membership-changed.v1',
    { cityId, previousStatus: 'observer', membershipStatus: 'member', changedOn: '2026-05-14' },
    at(seq),
  );
const archived = (seq = ++sequence): CityEvent =>
  createEventEnvelope(
    'c2c.city.archived.v1',
    { cityId, name: 'Kota Surabaya', countryCode: 'ID', archivedAt: '2026-06-01T09:00:00.000Z' },
    at(seq),
  );

const fold = (events: CityEvent[]): CityRecord =>
  events.reduce((record, event) => applyCityEvent(record, event) ?? record, emptyCityRecord(cityId));

describe('applyCityEvent', () => {
  const history = [
    registered(1),
    renamed({ englishName: 'Surabaya City' }, 2),
    member(3),
    renamed({ name: 'Kota Surabaya', englishName: null }, 4),
    archived(5),
  ];

  it('builds the city from its history', () => {
    expect(fold(history)).toMatchObject({
      name: 'Kota Surabaya',
      englishName: null,
      countryCode: 'ID',
      level: 'municipality',
      membershipStatus: 'member',
      archivedAt: '2026-06-01T09:00:00.000Z',
      lastSequence: 5,
    });
  });

  it('reaches the same record whatever the order of arrival, and with duplicates', () => {
    const expected = fold(history);
    expect(fold([...history].reverse())).toEqual(expected);
    expect(fold([history[3]!, history[0]!, history[4]!, history[1]!, history[2]!, history[0]!])).toEqual(
      expected,
    );
  });

  it('ignores a stale update and says so', () => {
    const current = fold([registered(1), renamed({ name: 'New name' }, 3)]);
    expect(applyCityEvent(current, renamed({ name: 'Old name' }, 2))).toBeNull();
    expect(applyCityEvent(current, registered(1))).toBeNull();
  });

  it('changes only the fields an update names', () => {
    const record = fold([renamed({ level: 'metropolitan-city' }, 2), registered(1)]);
    expect(record.level).toBe('metropolitan-city');
    expect(record.name).toBe('Surabaya');
  });
});

describe('implausibleSequence', () => {
  const known = fold([registered(1), member(2)]);

  it('accepts the next sequences, stale ones, and a jump up to the limit', () => {
    expect(implausibleSequence(known, renamed({ name: 'Next' }, 3))).toBeNull();
    expect(implausibleSequence(known, registered(1))).toBeNull();
    expect(implausibleSequence(known, archived(2 + MAX_SEQUENCE_JUMP))).toBeNull();
    expect(implausibleSequence(emptyCityRecord(cityId), archived(MAX_SEQUENCE_JUMP))).toBeNull();
  });

  it('refuses a jump beyond the limit, such as a forged sequence near 2^53, and one that is not a positive safe integer', () => {
    expect(implausibleSequence(known, archived(3 + MAX_SEQUENCE_JUMP))).toBe(
      `sequence ${3 + MAX_SEQUENCE_JUMP} of city ${cityId} is more than ${MAX_SEQUENCE_JUMP} beyond its last one (2)`,
    );
    expect(implausibleSequence(known, archived(Number.MAX_SAFE_INTEGER))).toMatch(/more than 10000 beyond/);
    expect(implausibleSequence(known, archived(2 ** 53))).toMatch(/not a positive safe integer/);
    expect(implausibleSequence(known, archived(0))).toMatch(/not a positive safe integer/);
  });
});

describe('diffCityModels', () => {
  it('reports missing, extra and changed cities, ignoring key order', () => {
    const a = { ...emptyCityRecord('a'), name: 'A', fieldSequences: { name: 1, level: 2 } };
    const aReordered = { ...a, fieldSequences: { level: 2, name: 1 } };
    const b = { ...emptyCityRecord('b'), name: 'B' };
    const c = { ...emptyCityRecord('c'), name: 'C' };
    expect(diffCityModels([a, b], [aReordered, b])).toEqual([]);
    const differences = diffCityModels([a, b], [{ ...a, name: 'A2' }, c]);
    expect(differences.map((d) => [d.cityId, d.before?.name ?? null, d.after?.name ?? null])).toEqual([
      ['a', 'A', 'A2'],
      ['c', null, 'C'],
      ['b', 'B', null],
    ]);
  });
});
