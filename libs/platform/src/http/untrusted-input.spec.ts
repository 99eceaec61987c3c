import { controlCharacterFields, jsonDepth } from './untrusted-input';

describe('jsonDepth', () => {
  it('counts containers, not scalars', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth([])).toBe(1);
    expect(jsonDepth({ a: [{ b: 1 }] })).toBe(3);
  });

  it('walks a million levels without recursion, and stops past the limit', () => {
    const deep = JSON.parse('['.repeat(1_000_000) + ']'.repeat(1_000_000)) as unknown;
    expect(jsonDepth(deep, 32)).toBe(33);
  });
});

describe('controlCharacterFields', () => {
  it('names strings and keys by their dotted path, the root as (body)', () => {
    expect(controlCharacterFields({ a: ['ok', 'b\u0000'], 'k\u0001': 1, t: 'tab\tcr\rlf\n' })).toEqual([
      'a.1',
      'k\u0001',
    ]);
    expect(controlCharacterFields('\u007f')).toEqual(['(body)']);
    expect(controlCharacterFields({ q: 'ünïcødé 東京' })).toEqual([]);
  });
});
