// What an end-to-end test needs to run this service beside the others, built as main.ts builds it. No app
// imports another app (see eslint.config.mjs); only the platform-e2e project may.
export { buildApiDocument as buildPartnershipsApiDocument } from './api-docs';
export { AppModule as PartnershipsAppModule } from './app.module';
export { CityModel } from '@c2c/city-model';
export { readPartnershipsConfig, type PartnershipsConfig } from './config';
