import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { decodeCursor, encodeCursor, PageQueryDto, pageOf } from './pagination';
import { Problem } from './problem';

interface Position {
  id: string;
}
const isPosition = (value: unknown): value is Position =>
  typeof value === 'object' && value !== null && typeof (value as Position).id === 'string';

describe('pagination', () => {
  it('round-trips a position through an opaque base64url cursor', () => {
    const cursor = encodeCursor({ id: 'a/b+c', at: 3 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, isPosition)).toEqual({ id: 'a/b+c', at: 3 });
  });

  it('rejects a made-up cursor as a validation problem on the cursor field', () => {
    let error: unknown;
    try {
      decodeCursor('bm90LWpzb24', isPosition);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Problem);
    expect((error as Problem).status).toBe(400);
    expect((error as Problem).errors?.map((field) => field.field)).toEqual(['cursor']);
  });

  it('returns a next cursor only when a row beyond the page was fetched', () => {
    const rows = [{ id: '1' }, { id: '2' }, { id: '3' }];
    const first = pageOf(rows, 2, (last) => ({ id: last.id }));
    expect(first.items).toEqual([{ id: '1' }, { id: '2' }]);
    expect(decodeCursor(first.nextCursor ?? '', isPosition)).toEqual({ id: '2' });
    expect(pageOf(rows, 3, (last) => ({ id: last.id })).nextCursor).toBeNull();
  });

  it('defaults the limit to 20 and bounds it to 1..100', () => {
    const valid = (query: Record<string, string>) =>
      validateSync(plainToInstance(PageQueryDto, query)).map((error) => error.property);
    expect(plainToInstance(PageQueryDto, {}).limit).toBe(20);
    expect(plainToInstance(PageQueryDto, { limit: '100' }).limit).toBe(100);
    expect(valid({ limit: '100' })).toEqual([]);
    expect(valid({ limit: '0' })).toEqual(['limit']);
    expect(valid({ limit: '101' })).toEqual(['limit']);
    expect(valid({ cursor: 'not a cursor!' })).toEqual(['cursor']);
  });
});
