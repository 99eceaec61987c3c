// Writes the public OpenAPI document, composed from the gateway's routes and the services' committed
// documents (docs/api/), to docs/openapi.json; with --check, fails when the committed file differs.
//   npm run openapi [-- --check]     (writes the services' documents first)
import 'reflect-metadata';
import path from 'node:path';
import { writeApiDocument } from '@c2c/platform';
import { generatePublicApiDocument } from '../src/openapi/generate';

void writeApiDocument(path.resolve(__dirname, '../../../docs/openapi.json'), generatePublicApiDocument);
