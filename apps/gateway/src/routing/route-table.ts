import { ACTS_FOR_CITY_EXTENSION, isRole, ROLES_EXTENSION, type Role } from '@c2c/auth';
import { API_PREFIX } from '../http/routes';
import type { ServiceApiDocument, ServiceName } from '../openapi/service-api-documents';
import type { HttpMethod } from './service-client';

/** One public route the gateway forwards to a service, as the service's own document describes it. */
export interface ForwardedRoute {
  method: HttpMethod;
  /** The public path in OpenAPI form, e.g. `/api/v1/cities/{id}`. */
  path: string;
  /** The same in Fastify's form, e.g. `/api/v1/cities/:id`. */
  url: string;
  service: ServiceName;
  operationId: string;
  /** The roles admitted; undefined: any signed-in role. */
  roles?: readonly Role[];
  /** The path parameter naming the city a city officer may act only for. */
  actsForCityParam?: string;
  /** Path parameters documented as uuids: checked before anything is forwarded. */
  uuidParams: string[];
  /** `If-Match` is required: a request without it is answered 428 before a round trip. */
  ifMatchRequired: boolean;
}

const METHODS: Record<string, HttpMethod> = {
  get: 'GET',
  head: 'HEAD',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
};

interface Parameter {
  name?: unknown;
  in?: unknown;
  required?: unknown;
  schema?: { format?: unknown };
}

type Operation = Record<string, unknown> & { operationId?: unknown; parameters?: Parameter[] };

function rolesOf(service: ServiceName, operationId: string, value: unknown): readonly Role[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || !value.every(isRole)) {
    throw new Error(
      `${service} documents ${operationId} with ${ROLES_EXTENSION} that are not platform roles`,
    );
  }
  return value;
}

/**
 * The gateway's routing table, from the services' own documents: every operation of a service is
 * served at `/api/v1` + its path, with the roles the service admits (`x-c2c-roles`) and the city an
 * officer must act for (`x-c2c-acts-for-city`) checked here as well, so a refused caller costs the
 * service nothing. The services check the same again: the gateway's checks are the coarse first line.
 */
export function routeTableOf(documents: ServiceApiDocument[]): ForwardedRoute[] {
  const routes: ForwardedRoute[] = [];
  for (const { service, document } of documents) {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
        const method = METHODS[key];
        if (method === undefined || typeof value !== 'object' || value === null) continue;
        const operation = value as Operation;
        const operationId =
          typeof operation.operationId === 'string' ? operation.operationId : `${key} ${path}`;
        const parameters = operation.parameters ?? [];
        const actsFor = operation[ACTS_FOR_CITY_EXTENSION];
        routes.push({
          method,
          path: `/${API_PREFIX}${path}`,
          url: `/${API_PREFIX}${path.replace(/\{([^}]+)\}/g, ':$1')}`,
          service,
          operationId,
          ...(operation[ROLES_EXTENSION] === undefined
            ? {}
            : { roles: rolesOf(service, operationId, operation[ROLES_EXTENSION]) }),
          ...(typeof actsFor === 'string' ? { actsForCityParam: actsFor } : {}),
          uuidParams: parameters
            .filter((parameter) => parameter.in === 'path' && parameter.schema?.format === 'uuid')
            .map((parameter) => String(parameter.name)),
          ifMatchRequired: parameters.some(
            (parameter) =>
              parameter.in === 'header' &&
              typeof parameter.name === 'string' &&
              parameter.name.toLowerCase() === 'if-match' &&
              parameter.required === true,
          ),
        });
      }
    }
  }
  return routes;
}
