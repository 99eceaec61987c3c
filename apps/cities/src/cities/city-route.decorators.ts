import {
  applyDecorators,
  Controller,
  Headers,
  Param,
  ParseUUIDPipe,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblemResponses } from '@c2c/platform';
import { CityErrorFilter } from './city-error.filter';
import { CityResponseInterceptor } from './city-response.interceptor';
import { CityResponseDto } from './dto/city-response.dto';

/**
 * A controller of city routes: refused operations become their problem+json, and a route returning
 * a city answers with its public form and ETag.
 */
export const CityRoutes = (path: string) =>
  applyDecorators(
    ApiTags('cities'),
    Controller(path),
    UseFilters(CityErrorFilter),
    UseInterceptors(CityResponseInterceptor),
  );

/** The `:id` of a city route; anything but a uuid is a 400 before any lookup. */
export const CityId = (): ParameterDecorator => Param('id', ParseUUIDPipe);

/**
 * The raw `If-Match` header. Required by PATCH, which overwrites what the client read; optional on
 * commands (membership, archive), which state a new fact, but honoured when sent.
 */
export const IfMatchHeader = (): ParameterDecorator => Headers('if-match');

const etag = {
  ETag: { description: 'W/"<version>": send it back as If-Match.', schema: { type: 'string' } },
};

/** Documents a route answering with one city, or with the given problems. */
export const ReturnsCity = (...problems: number[]) =>
  applyDecorators(ApiOkResponse({ type: CityResponseDto, headers: etag }), ApiProblemResponses(...problems));

/** Documents the route that registers a city. */
export const CreatesCity = (...problems: number[]) =>
  applyDecorators(
    ApiCreatedResponse({ type: CityResponseDto, headers: etag }),
    ApiProblemResponses(...problems),
  );

/** Documents the route that lists cities. */
export const ReturnsCityPage = (...problems: number[]) =>
  applyDecorators(ApiPageResponse(CityResponseDto), ApiProblemResponses(...problems));
