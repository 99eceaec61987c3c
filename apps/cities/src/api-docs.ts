import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildServiceApiDocument, setUpServiceApiDocs, type ServiceApiDocs } from '@c2c/platform';

const CITIES_DOCS: ServiceApiDocs = {
  title: 'C2C cities service (internal)',
  description: 'The registry of cities and local authorities: profiles, AMF membership, contacts.',
};

export const buildApiDocument = (app: NestFastifyApplication) => buildServiceApiDocument(app, CITIES_DOCS);
export const setUpApiDocs = (app: NestFastifyApplication): void => setUpServiceApiDocs(app, CITIES_DOCS);
