import { SetMetadata } from '@nestjs/common';

/** Metadata key read by the auth guard: routes carrying it need no bearer token. */
export const PUBLIC_ROUTE = 'c2c:public-route';

/**
 * Marks a controller or route as reachable without authentication (health probes, login, JWKS).
 * Everything else needs a valid token once an app installs the auth guard: deny by default.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
