import { parseOneOf, parseSdgs, PARTNERSHIP_STATUSES } from './vocabulary';

describe('partnership vocabulary', () => {
  it('reads SDG numbers from a comma-separated list, once each, and refuses anything else', () => {
    expect(parseSdgs('6, 11,6')).toEqual([6, 11]);
    expect(parseSdgs(' ')).toEqual([]);
    expect(parseSdgs('6, eleven')).toBeNull();
    expect(parseSdgs('0')).toBeNull();
    expect(parseSdgs('18')).toBeNull();
    expect(parseSdgs('2.5')).toBeNull();
  });

  it('takes a filter from the address bar only when the API knows the value', () => {
    expect(parseOneOf(PARTNERSHIP_STATUSES, 'active')).toBe('active');
    expect(parseOneOf(PARTNERSHIP_STATUSES, 'bogus')).toBeUndefined();
    expect(parseOneOf(PARTNERSHIP_STATUSES, null)).toBeUndefined();
  });
});
