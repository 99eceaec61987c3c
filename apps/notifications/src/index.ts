// What an end-to-end test needs to run this service beside the others, built as main.ts builds it. No app
// imports another app (see eslint.config.mjs); only the platform-e2e project may.
export { buildApiDocument as buildNotificationsApiDocument } from './api-docs';
export { AppModule as NotificationsAppModule } from './app.module';
export { readNotificationsConfig, type NotificationsConfig } from './config';
