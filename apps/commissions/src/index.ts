// What an end-to-end test needs to run this service beside the others, built as main.ts builds it. No app
// imports another app (see eslint.config.mjs); only the platform-e2e project may.
export { buildApiDocument as buildCommissionsApiDocument } from './api-docs';
export { AppModule as CommissionsAppModule } from './app.module';
export { CityModel } from '@c2c/city-model';
export { readCommissionsConfig, type CommissionsConfig } from './config';
