// Writes this service's own OpenAPI document, its part of the public contract, to
// docs/api/notifications.openapi.json; with --check, fails when the committed file differs. The gateway composes
// the public API and its routing table from it.   npm run openapi [-- --check]
import 'reflect-metadata';
import path from 'node:path';
import { generateApiDocument, writeApiDocument } from '@c2c/platform';
import { buildApiDocument } from '../src/api-docs';
import { AppModule } from '../src/app.module';
import { readNotificationsConfig } from '../src/config';

const config = readNotificationsConfig({
  DATABASE_URL: 'postgres://openapi@127.0.0.1:1/unused',
  LOG_LEVEL: 'silent',
});

void writeApiDocument(path.resolve(__dirname, '../../../docs/api/notifications.openapi.json'), () =>
  generateApiDocument(AppModule.forRoot(config), buildApiDocument),
);
