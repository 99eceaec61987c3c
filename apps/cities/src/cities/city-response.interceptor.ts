import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { etagOf, type Page } from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { CityEntity } from './city.entity';
import { toCityResponse } from './dto/city-response.dto';

const isPage = (value: unknown): value is Page<unknown> =>
  Array.isArray((value as Page<unknown> | null)?.items) && 'nextCursor' in (value as object);

/**
 * Cities leave in their public form. A route that returns one city also sends its ETag, so a client
 * can send the tag back as If-Match without a second read.
 */
@Injectable()
export class CityResponseInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (isPage(result)) {
          return {
            ...result,
            items: result.items.map((item) => (item instanceof CityEntity ? toCityResponse(item) : item)),
          };
        }
        if (!(result instanceof CityEntity)) return result;
        void reply.header('etag', etagOf(result.version));
        return toCityResponse(result);
      }),
    );
  }
}
