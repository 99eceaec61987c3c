import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildServiceApiDocument, setUpServiceApiDocs, type ServiceApiDocs } from '@c2c/platform';

const PARTNERSHIPS_DOCS: ServiceApiDocs = {
  title: 'C2C partnerships service (internal)',
  description: 'City-to-city partnerships: proposal, acceptance, lifecycle, activities and history.',
};

export const buildApiDocument = (app: NestFastifyApplication) =>
  buildServiceApiDocument(app, PARTNERSHIPS_DOCS);
export const setUpApiDocs = (app: NestFastifyApplication): void =>
  setUpServiceApiDocs(app, PARTNERSHIPS_DOCS);
