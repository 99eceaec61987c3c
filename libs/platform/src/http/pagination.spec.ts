import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  CURSOR_TEXT_MAX_LENGTH,
  cursorOf,
  decodeCursor,
  encodeCursor,
  PageQueryDto,
  pageOf,
} from './pagination';
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

describe('cursorOf', () => {
  const PAGE = cursorOf({ createdAt: 'timestamp', id: 'uuid', name: 'text', seq: 'bigint' });
  const valid = {
    createdAt: '2026-03-24T08:15:00.123Z',
    id: '123e4567-e89b-42d3-a456-426614174000',
    name: 'Tehran',
    seq: '42',
  };
  const refused = (position: unknown) => () => PAGE.decode(encodeCursor(position as Record<string, string>));

  it('round-trips a position', () => {
    expect(PAGE.decode(PAGE.encode(valid))).toEqual(valid);
    expect(PAGE.is({ ...valid, createdAt: '2024-02-29T23:59:59+05:30' })).toBe(true);
    expect(PAGE.is({ ...valid, seq: '9223372036854775807' })).toBe(true);
  });

  it.each([
    ['36 dashes as the uuid', { ...valid, id: '-'.repeat(36) }],
    ['a uuid-shaped string of another kind', { ...valid, id: 'zzzzzzzz-e89b-42d3-a456-426614174000' }],
    ['any string as the uuid', { ...valid, id: 'admin' }],
    ['a day that does not exist', { ...valid, createdAt: '2026-02-30T00:00:00Z' }],
    ['a year PostgreSQL reads otherwise', { ...valid, createdAt: '+275760-09-13T00:00:00Z' }],
    ['what Date.parse accepts but is not ISO 8601', { ...valid, createdAt: 'Tue, 24 Mar 2026 08:15:00' }],
    ['year 0', { ...valid, createdAt: '0000-01-01T00:00:00Z' }],
    ['hour 24', { ...valid, createdAt: '2026-01-01T24:00:00Z' }],
    ['a bigint beyond int8', { ...valid, seq: '9223372036854775808' }],
    ['a negative or decorated bigint', { ...valid, seq: '-1' }],
    ['a number where a string is kept', { ...valid, seq: 42 }],
    ['a control character in text', { ...valid, name: 'Teh\u0000ran' }],
    ['text longer than any sort key', { ...valid, name: 'x'.repeat(CURSOR_TEXT_MAX_LENGTH + 1) }],
    ['a missing field', { createdAt: valid.createdAt, id: valid.id, name: valid.name }],
    ['an extra field', { ...valid, admin: 'true' }],
    ['an array', [valid]],
  ])('refuses %s as a 400 naming cursor', (_, position) => {
    expect(refused(position)).toThrow(Problem);
    try {
      refused(position)();
    } catch (error) {
      expect((error as Problem).status).toBe(400);
      expect((error as Problem).errors?.map((field) => field.field)).toEqual(['cursor']);
    }
  });
});
