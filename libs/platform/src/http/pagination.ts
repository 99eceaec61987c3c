import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, isUUID, Matches, Max, Min } from 'class-validator';
import { Problem, ProblemType } from './problem';
import { hasControlCharacter } from './untrusted-input';

/** Smallest, default and largest page size of every list route. */
export const PAGE_LIMITS = { min: 1, default: 20, max: 100 } as const;

/** What every cursor looks like: base64url (see {@link encodeCursor}). */
const CURSOR = /^[A-Za-z0-9_-]{1,512}$/;

/**
 * The query of every list route: `?limit=…&cursor=…`. The cursor is opaque to clients: they pass back
 * the `nextCursor` of the previous page and never build one.
 */
export class PageQueryDto {
  @ApiPropertyOptional({
    minimum: PAGE_LIMITS.min,
    maximum: PAGE_LIMITS.max,
    default: PAGE_LIMITS.default,
    description: 'Items per page.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(PAGE_LIMITS.min)
  @Max(PAGE_LIMITS.max)
  limit: number = PAGE_LIMITS.default;

  // The pattern says what a cursor looks like, not which are real: a well-formed cursor no page
  // returned is still a 400 (decodeCursor), which the fuzzer's config expects (tools/fuzz).
  @ApiPropertyOptional({
    description: 'The `nextCursor` of the previous page.',
    minLength: 1,
    maxLength: 512,
    pattern: CURSOR.source,
  })
  @IsOptional()
  @IsString()
  @Matches(CURSOR, { message: 'cursor must be a cursor returned by a previous page' })
  cursor?: string;
}

/** One page of a list: `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Encodes a position in a list (e.g. the sort key and id of the last item) as an opaque cursor. */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * Reads a cursor back; anything a client made up or mangled is a 400 naming the `cursor` field, never
 * a 500 or a silently wrong page.
 */
export function decodeCursor<P>(cursor: string, isPosition: (value: unknown) => value is P): P {
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    position = undefined;
  }
  if (!isPosition(position)) {
    throw new Problem(ProblemType.ValidationError, 'invalid field(s): cursor', {
      errors: [{ field: 'cursor', message: 'cursor must be a cursor returned by a previous page' }],
    });
  }
  return position;
}

/**
 * The kinds of value a cursor position holds, each parsed as strictly as the column it is compared
 * with, so that a made-up cursor is a 400 and never reaches PostgreSQL (where it would be a 500):
 * - `uuid`: by the rule of class-validator's `@IsUUID()` (so 36 dashes are not one);
 * - `timestamp`: ISO 8601 in UTC or with an offset (`2026-03-24T08:15:00.123Z`), a real calendar
 *   date and time, years 0001–9999 (inside what PostgreSQL's `timestamptz` accepts);
 * - `bigint`: a non-negative decimal digit string within PostgreSQL's int8;
 * - `text`: a string of at most {@link CURSOR_TEXT_MAX_LENGTH} characters without control characters.
 */
export type CursorFieldKind = 'uuid' | 'timestamp' | 'bigint' | 'text';

/** Longest `text` value in a cursor: the longest sort key any list uses (a name of 200) and room. */
export const CURSOR_TEXT_MAX_LENGTH = 256;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2}):(\d{2}))$/;
const INT8_MAX = 9_223_372_036_854_775_807n;

function isTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [
    match[1],
    match[2],
    match[3],
    match[4],
    match[5],
    match[6],
    match[9] ?? '0',
    match[10] ?? '0',
  ].map(Number) as [number, number, number, number, number, number, number, number];
  // Date.UTC rolls 31 February over into March: a real day is one that survives the round trip.
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year, month - 1, day);
  return (
    year >= 1 &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 15 &&
    offsetMinutes <= 59
  );
}

const CURSOR_FIELD_RULES: Record<CursorFieldKind, (value: string) => boolean> = {
  uuid: (value) => isUUID(value),
  timestamp: isTimestamp,
  bigint: (value) => /^(0|[1-9]\d{0,18})$/.test(value) && BigInt(value) <= INT8_MAX,
  text: (value) => value.length <= CURSOR_TEXT_MAX_LENGTH && !hasControlCharacter(value),
};

/** A position whose every field is a string (timestamps and bigints in their text form). */
export type CursorPosition<S extends Record<string, CursorFieldKind>> = { [K in keyof S]: string };

/** Reads and writes one list's cursors; see {@link cursorOf}. */
export interface CursorCodec<P> {
  /** True when a parsed value is exactly a position: the named fields, each valid, and no others. */
  is(value: unknown): value is P;
  /** The position a cursor names; anything else is a 400 naming the `cursor` field. */
  decode(cursor: string): P;
  encode(position: P): string;
}

/**
 * A typed cursor format, parsed strictly: every field named with its kind, none missing, none extra.
 *
 * @example
 * const USERS_CURSOR = cursorOf({ createdAt: 'timestamp', id: 'uuid' });
 * const after = cursor === undefined ? undefined : USERS_CURSOR.decode(cursor);
 */
export function cursorOf<S extends Record<string, CursorFieldKind>>(
  shape: S,
): CursorCodec<CursorPosition<S>> {
  const fields = Object.entries(shape) as [keyof S & string, CursorFieldKind][];
  const is = (value: unknown): value is CursorPosition<S> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    if (Object.keys(record).length !== fields.length) return false;
    return fields.every(([name, kind]) => {
      const field = Object.hasOwn(record, name) ? record[name] : undefined;
      return typeof field === 'string' && CURSOR_FIELD_RULES[kind](field);
    });
  };
  return {
    is,
    decode: (cursor) => decodeCursor(cursor, is),
    encode: (position) => encodeCursor(position),
  };
}

/**
 * Builds a page from rows fetched with `limit + 1`: the extra row only tells that a next page exists,
 * and the cursor points after the last row returned.
 */
export function pageOf<T>(
  rows: T[],
  limit: number,
  positionOf: (last: T) => Record<string, string | number>,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}

/** Documents a `200` list response `{ items: Model[], nextCursor }` in OpenAPI. */
export function ApiPageResponse(model: ClassType<unknown>, description = 'One page of results.') {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(model) } },
          nextCursor: {
            oneOf: [{ type: 'string' }, { type: 'null' }],
            description: 'Pass as `cursor` to get the next page; null on the last page.',
          },
        },
      },
    }),
  );
}
