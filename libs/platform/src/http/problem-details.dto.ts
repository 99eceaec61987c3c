import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from './problem';

/** OpenAPI schema of one failing field. */
export class FieldErrorDto {
  @ApiProperty({ example: 'participants.0.cityId', description: 'Dotted path of the field.' })
  field!: string;

  @ApiProperty({ example: 'cityId must be a UUID' })
  message!: string;
}

/** OpenAPI schema of an `application/problem+json` body (RFC 9457). */
export class ProblemDetailsDto {
  @ApiProperty({
    format: 'uri',
    example: `${PROBLEM_TYPE_BASE}validation-error`,
    description: 'Machine-readable kind of problem; switch on this, not on the title.',
  })
  type!: string;

  @ApiProperty({ example: 'The request is not valid' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional({ example: 'invalid field(s): name' })
  detail?: string;

  @ApiPropertyOptional({ example: '/api/v1/cities', description: 'The request path that failed.' })
  instance?: string;

  @ApiPropertyOptional({ description: 'Also sent as the X-Request-Id header; quote it when reporting.' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Every failing field (validation problems).' })
  errors?: FieldErrorDto[];
}

/** What each problem status means, as every document says it. */
export const PROBLEM_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'The request is malformed or fails validation.',
  401: 'No valid bearer token.',
  403: 'The caller may not do this.',
  404: 'No such resource.',
  409: 'Conflicts with the current state.',
  412: 'If-Match does not match the current version.',
  413: 'The body is too large.',
  422: 'The Idempotency-Key was used with a different request.',
  428: 'If-Match is required.',
  429: 'Rate limit exceeded; see Retry-After.',
  502: 'An upstream service answered with an error.',
  503: 'An upstream service is unavailable.',
  504: 'An upstream service did not answer in time.',
};

/** Documents error responses of a route as problem+json bodies. */
export function ApiProblemResponses(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...statuses.map((status) => ApiResponse({ status, ...problemResponseObject(status) })),
  );
}

/** The OpenAPI response object of a problem answer, for documents assembled by hand (the gateway's). */
export function problemResponseObject(status: number) {
  return {
    description: PROBLEM_DESCRIPTIONS[status] ?? 'Error.',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
  };
}
