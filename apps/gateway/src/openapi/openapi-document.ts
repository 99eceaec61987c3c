import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { composePublicApi } from './compose-public-api';
import type { ServiceApiDocument } from './service-api-documents';

/**
 * The public OpenAPI 3.1 document: the gateway's own routes, from its controllers' metadata only (no
 * provider runs, so the generator needs no database), composed with the services' own documents.
 */
export function buildOpenApiDocument(app: INestApplication, services: ServiceApiDocument[]): OpenAPIObject {
  const own = SwaggerModule.createDocument(app, new DocumentBuilder().setOpenAPIVersion('3.1.0').build(), {
    operationIdFactory: (_controller, method) => method,
  });
  return composePublicApi(own, services);
}
