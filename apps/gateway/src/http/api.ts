import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { Public } from '@c2c/auth';
import { ApiProblemResponses } from '@c2c/platform';
import { PUBLIC_OPERATION, PUBLIC_ROUTE_CONFIG } from './routes';

// Re-exported: controllers and the document builder outside http/ import them from here.
export { API_PREFIX, PUBLIC_OPERATION } from './routes';

/** A route anyone may call: no token checked, and documented as such. */
export const PublicRoute = () =>
  applyDecorators(
    Public(),
    ApiExtension(PUBLIC_OPERATION, true),
    RouteConfig({ [PUBLIC_ROUTE_CONFIG]: true }),
  );

/** A route that needs a bearer token: documented with the security scheme and its 401/403/429 answers. */
export const Authenticated = () => applyDecorators(ApiBearerAuth(), ApiProblemResponses(401, 403, 429));
