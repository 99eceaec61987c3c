// What an end-to-end test needs to run this service in its own process, as main.ts does. No app
// imports another app (see eslint.config.mjs); only the platform-e2e project may.
export { buildApiDocument as buildCitiesApiDocument } from './api-docs';
export { AppModule as CitiesAppModule } from './app.module';
export { readCitiesConfig, type CitiesConfig } from './config';
export { citiesDatabase } from './database';
