import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { Public } from '@c2c/auth';
import { ApiProblemResponses } from '@c2c/platform';
import { PUBLIC_ROUTE_CONFIG } from './request-policies';

/** Every public route lives under this prefix. */
export const API_PREFIX = 'api/v1';

/** Marks an OpenAPI operation as open to anyone; the document builder turns it into `security: []`. */
export const PUBLIC_OPERATION = 'x-c2c-public';

/** A route anyone may call: no token checked, and documented as such. */
export const PublicRoute = () =>
  applyDecorators(
    Public(),
    ApiExtension(PUBLIC_OPERATION, true),
    RouteConfig({ [PUBLIC_ROUTE_CONFIG]: true }),
  );

/** A route that needs a bearer token: documented with the security scheme and its 401/403/429 answers. */
export const Authenticated = () => applyDecorators(ApiBearerAuth(), ApiProblemResponses(401, 403, 429));
