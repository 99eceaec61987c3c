import path from 'node:path';
import { generateApiDocument } from '@c2c/platform';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { readGatewayConfig } from '../config';
import { buildOpenApiDocument } from './openapi-document';
import { readServiceApiDocuments } from './service-api-documents';

/** The services' documents, committed beside the public one. */
export const SERVICE_API_DOCS_DIR = path.resolve(__dirname, '../../../../docs/api');

/**
 * The public document exactly as `docs/openapi.json` holds it: the gateway's own routes from its
 * module metadata (preview mode: no provider runs, no database needed) composed with the services'
 * committed documents, which `npm run openapi` writes first.
 */
export function generatePublicApiDocument(): Promise<OpenAPIObject> {
  const config = readGatewayConfig({
    NODE_ENV: 'development',
    // Preview mode runs no provider: the local defaults only satisfy the configuration's checks.
    ALLOW_LOCAL_DEFAULTS: 'true',
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/unused',
    LOG_LEVEL: 'silent',
  });
  const services = readServiceApiDocuments(SERVICE_API_DOCS_DIR);
  return generateApiDocument(AppModule.forRoot(config), (app) => buildOpenApiDocument(app, services));
}
