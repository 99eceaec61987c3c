import { DeliveryOutcomeKind, outcomeKindForStatus, parseRetryAfter } from './delivery-outcome';

describe(outcomeKindForStatus.name, () => {
  it.each<[number, DeliveryOutcomeKind]>([
    [200, 'delivered'],
    [201, 'delivered'],
    [202, 'delivered'],
    [204, 'delivered'],
    [299, 'delivered'],
    [301, 'rejected'],
    [302, 'rejected'],
    [304, 'rejected'],
    [307, 'rejected'],
    [308, 'rejected'],
    [400, 'rejected'],
    [401, 'rejected'],
    [403, 'rejected'],
    [404, 'rejected'],
    [405, 'rejected'],
    [413, 'rejected'],
    [422, 'rejected'],
    [408, 'retry'],
    [429, 'retry'],
    [410, 'gone'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [504, 'retry'],
    [599, 'retry'],
    [600, 'rejected'],
  ])('%d is %s', (status, kind) => {
    expect(outcomeKindForStatus(status)).toBe(kind);
  });
});

describe(parseRetryAfter.name, () => {
  const now = new Date('2025-01-01T12:00:00Z');

  it.each<[string | string[] | undefined, number | undefined]>([
    ['0', 0],
    ['1', 1000],
    ['120', 120_000],
    [' 30 ', 30_000],
    [['5', '9'], 5000],
    ['Wed, 01 Jan 2025 12:00:30 GMT', 30_000], // IMF-fixdate
    ['Wednesday, 01-Jan-25 12:01:00 GMT', 60_000], // RFC 850
    ['Wed Jan  1 12:00:10 2025', 10_000], // asctime: no zone, GMT by definition
    ['Wed, 01 Jan 2025 11:00:00 GMT', 0], // in the past
    [undefined, undefined],
    ['', undefined],
    ['-5', undefined],
    ['1.5', undefined],
    ['5.5', undefined],
    ['soon', undefined],
    ['Wed, 99 Foo 2025 99:99:99 GMT', undefined],
  ])('%j is %j ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
