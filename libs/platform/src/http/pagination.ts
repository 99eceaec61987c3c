import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Problem, ProblemType } from './problem';

/** Smallest, default and largest page size of every list route. */
export const PAGE_LIMITS = { min: 1, default: 20, max: 100 } as const;

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

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.', maxLength: 512 })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor must be a cursor returned by a previous page' })
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
