import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** The service's own OpenAPI document; the gateway serves the public one under `/api/v1`. */
export function buildApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('C2C cities service (internal)')
    .setDescription('The registry of cities and local authorities: profiles, AMF membership, contacts.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * Serves the document as `/docs-json` on the service's internal port. The interactive page is the
 * gateway's: Swagger UI on Fastify needs @fastify/static, which this workspace does not install.
 */
export function setUpApiDocs(app: NestFastifyApplication): void {
  SwaggerModule.setup('docs', app, () => buildApiDocument(app), {
    ui: false,
    raw: ['json'],
    jsonDocumentUrl: 'docs-json',
  });
}
