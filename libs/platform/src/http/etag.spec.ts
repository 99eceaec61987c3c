import { assertIfMatch, etagOf, parseIfMatch, requireIfMatch } from './etag';
import { Problem } from './problem';

function problemOf(work: () => unknown): Problem {
  try {
    work();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('ETag helpers', () => {
  it('makes a weak ETag from a version and reads it back, weak or strong', () => {
    expect(etagOf(7)).toBe('W/"7"');
    expect(parseIfMatch('W/"7"')).toEqual([7]);
    expect(parseIfMatch('"7", W/"8"')).toEqual([7, 8]);
    expect(parseIfMatch('*')).toBe('*');
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('"not-ours"')).toEqual([]);
  });

  it('refuses an empty If-Match (400) rather than reading it as no header, and what is no entity tag', () => {
    for (const header of ['', '  ', '{}', '7', 'W/7', '"7", x']) {
      const problem = problemOf(() => parseIfMatch(header));
      expect(problem.status).toBe(400);
      expect(problem.errors?.map((error) => error.field)).toEqual(['If-Match']);
    }
  });

  it('requires If-Match on updates (428)', () => {
    const problem = problemOf(() => requireIfMatch(undefined));
    expect(problem.status).toBe(428);
    expect(problem.code).toBe('precondition-required');
  });

  it('refuses a stale version (412) with the current ETag, and accepts the current one or *', () => {
    expect(() => assertIfMatch([3], 3)).not.toThrow();
    expect(() => assertIfMatch('*', 9)).not.toThrow();
    const problem = problemOf(() => assertIfMatch([2], 3));
    expect(problem.status).toBe(412);
    expect(problem.headers).toEqual({ etag: 'W/"3"' });
    expect(problemOf(() => assertIfMatch([], 3)).status).toBe(412);
  });
});
