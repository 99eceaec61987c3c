import { applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblemResponses } from '@c2c/platform';
import { CityResponse } from './dto/city-response.dto';

// How the city routes are documented, written once: the gateway builds its public document and its
// routing table from this service's document, so every route answering one city names its ETag.

const ETAG = {
  ETag: {
    description: 'W/"<version>": send it back as If-Match to change the city.',
    schema: { type: 'string' },
  },
};
const LOCATION = {
  Location: { description: 'Where the new city is: `/cities/<id>`.', schema: { type: 'string' } },
};

/** Documents a route answering with one city and its ETag, or with the given problems. */
export const ReturnsCity = (...problems: number[]) =>
  applyDecorators(
    ApiOkResponse({ type: CityResponse, description: 'The city; `ETag` is set.', headers: ETAG }),
    ApiProblemResponses(...problems),
  );

/** Documents the route that registers a city. */
export const CreatesCity = (...problems: number[]) =>
  applyDecorators(
    ApiCreatedResponse({
      type: CityResponse,
      description: 'Registered; `Location` and `ETag` are set.',
      headers: { ...LOCATION, ...ETAG },
    }),
    ApiProblemResponses(...problems),
  );

/** Documents the route that lists cities. */
export const ReturnsCityPage = (...problems: number[]) =>
  applyDecorators(ApiPageResponse(CityResponse), ApiProblemResponses(...problems));
