import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildServiceApiDocument, type ServiceApiDocs } from '@c2c/platform';

const CITIES_DOCS: ServiceApiDocs = {
  title: 'C2C cities service (internal)',
  description: 'The registry of cities and local authorities: profiles, AMF membership, contacts.',
};

/** The service's document, for `npm run openapi` (docs/api/cities.openapi.json) and the end-to-end test. */
export const buildApiDocument = (app: NestFastifyApplication) => buildServiceApiDocument(app, CITIES_DOCS);
