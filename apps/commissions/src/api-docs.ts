import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildServiceApiDocument, type ServiceApiDocs } from '@c2c/platform';

const COMMISSIONS_DOCS: ServiceApiDocs = {
  title: 'C2C commissions service (internal)',
  description: "The forum's three commissions: mandate, chair and vice-chairs, members and applications.",
};

/**
 * The service's document, for `npm run openapi` (docs/api/commissions.openapi.json). The service does
 * not serve it: the committed document is what the gateway composes.
 */
export const buildApiDocument = (app: NestFastifyApplication) =>
  buildServiceApiDocument(app, COMMISSIONS_DOCS);
