import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildServiceApiDocument, type ServiceApiDocs } from '@c2c/platform';

const PARTNERSHIPS_DOCS: ServiceApiDocs = {
  title: 'C2C partnerships service (internal)',
  description: 'City-to-city partnerships: proposal, acceptance, lifecycle, activities and history.',
};

/**
 * The service's document, for `npm run openapi` (docs/api/partnerships.openapi.json) and the end-to-end
 * test. The service does not serve it: the committed document is what the gateway composes.
 */
export const buildApiDocument = (app: NestFastifyApplication) =>
  buildServiceApiDocument(app, PARTNERSHIPS_DOCS);
