import { isRfc3339DateTime, isTraceparent, parseSequence } from './attribute-formats';

describe('isRfc3339DateTime', () => {
  it.each(['2026-06-01T09:00:00Z', '2026-06-01T09:00:00.123456+07:00', '2028-02-29T23:59:60z'])(
    'accepts %s',
    (value) => expect(isRfc3339DateTime(value)).toBe(true),
  );
  it.each([
    '2026-06-01',
    '2026-06-01T09:00:00',
    '2027-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-06-01T24:00:00Z',
  ])('rejects %s', (value) => expect(isRfc3339DateTime(value)).toBe(false));
});

describe('isTraceparent', () => {
  it.each([
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00',
    '00-00000000000000000000000000000001-0000000000000001-01',
    'cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  ])('accepts %s', (value) => expect(isTraceparent(value)).toBe(true));
  it.each([
    'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
    '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0A',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7',
    '00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra',
    ' 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    '00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01',
    '00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01',
    '',
  ])('rejects %j', (value) => expect(isTraceparent(value)).toBe(false));
});

describe('parseSequence', () => {
  it('reads decimal integers and refuses the rest', () => {
    expect(parseSequence('0')).toBe(0);
    expect(parseSequence('42')).toBe(42);
    expect(parseSequence('4.2')).toBeUndefined();
    expect(parseSequence('1e3')).toBeUndefined();
    expect(parseSequence('99999999999999999999')).toBeUndefined();
  });
});
