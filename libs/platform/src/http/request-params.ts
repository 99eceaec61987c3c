import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { parseIfMatch } from './etag';
import { Problem, ProblemType } from './problem';

/**
 * `/{id}` path parameters: a malformed id is a 400 naming `id`, never a trip to the database. Documented
 * as a uuid, which is also how the gateway knows to check it before forwarding.
 */
export class IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/**
 * The version an `If-Match` header names, as use cases take it: `undefined` for `*` or no header (any
 * version), the number of our one tag, or 0 for a tag that is not ours (versions start at 1, so it can
 * only fail as stale). Without the header where `required`, a 428; several tags, a 400.
 */
export function expectedVersionOf(header: string | undefined, required: boolean): number | undefined {
  const ifMatch = parseIfMatch(header);
  if (ifMatch === undefined) {
    if (!required) return undefined;
    throw new Problem(
      ProblemType.PreconditionRequired,
      'send If-Match with the ETag of the version you are changing',
    );
  }
  if (ifMatch === '*') return undefined;
  if (ifMatch.length > 1 || (header ?? '').split(',').length > 1) {
    throw new Problem(ProblemType.ValidationError, 'invalid field(s): If-Match', {
      errors: [{ field: 'If-Match', message: 'If-Match must name one version (its ETag)' }],
    });
  }
  return ifMatch[0] ?? 0;
}

/**
 * Injects the version the caller's `If-Match` names (see {@link expectedVersionOf}). Pair it with
 * {@link ApiIfMatch} so the header is documented.
 *
 * @example update(@ExpectedVersion(true) expectedVersion: number | undefined, …)
 */
export const ExpectedVersion = createParamDecorator(
  (required: boolean | undefined, context: ExecutionContext): number | undefined => {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    return expectedVersionOf(typeof header === 'string' ? header : undefined, required === true);
  },
);

/** Documents `If-Match`: required on a full overwrite (PATCH), optional on commands that state a fact. */
export const ApiIfMatch = (required: boolean) =>
  applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required,
      // One entity tag or `*`: a list of tags is refused (expectedVersionOf). Tags in a narrower
      // alphabet than RFC 9110 §8.8.3 allows (ours are W/"<digits>"), which generators handle.
      schema: { type: 'string', pattern: '^(\\*|(W/)?"[0-9A-Za-z._~-]*")$' },
      description: required
        ? 'The ETag of the version being changed.'
        : 'The ETag of the version being changed; when sent, a stale one is refused with 412.',
    }),
  );
