import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export interface ServiceApiDocs {
  title: string;
  description: string;
}

/** A service's own OpenAPI document; the gateway serves the public one under `/api/v1`. */
export function buildServiceApiDocument(app: NestFastifyApplication, docs: ServiceApiDocs): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(docs.title)
    .setDescription(docs.description)
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * Serves the document as `/docs-json` on the service's internal port. The interactive page is the
 * gateway's, for the public API; an internal port needs no UI of its own.
 */
export function setUpServiceApiDocs(app: NestFastifyApplication, docs: ServiceApiDocs): void {
  SwaggerModule.setup('docs', app, () => buildServiceApiDocument(app, docs), {
    ui: false,
    raw: ['json'],
    jsonDocumentUrl: 'docs-json',
  });
}
