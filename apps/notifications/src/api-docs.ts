import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildServiceApiDocument, type ServiceApiDocs } from '@c2c/platform';

const NOTIFICATIONS_DOCS: ServiceApiDocs = {
  title: 'C2C notifications service (internal)',
  description:
    'What the platform tells people: the inbox of each user’s audiences, e-mail to contact officers and ' +
    'the secretariat, and signed webhooks.',
};

/** The service's document, for `npm run openapi` (docs/api/notifications.openapi.json). */
export const buildApiDocument = (app: NestFastifyApplication) =>
  buildServiceApiDocument(app, NOTIFICATIONS_DOCS);
