import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { PAGE_LIMITS } from '@c2c/platform';

/** `?limit=…&cursor=…`, the query every list route takes (one convention across the services). */
export const ApiPageQuery = () =>
  applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      schema: {
        type: 'integer',
        minimum: PAGE_LIMITS.min,
        maximum: PAGE_LIMITS.max,
        default: PAGE_LIMITS.default,
      },
    }),
    ApiQuery({ name: 'cursor', required: false, schema: { type: 'string' } }),
  );
