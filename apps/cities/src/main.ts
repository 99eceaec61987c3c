import 'reflect-metadata';
import { runService, startTracing } from '@c2c/platform';
import { AppModule } from './app.module';
import { readCitiesConfig } from './config';

// Before anything is built or served; without OTEL_EXPORTER_OTLP_ENDPOINT it registers nothing.
startTracing('cities');
// No `/docs-json`: the service's document is committed under docs/api and composed by the gateway, so
// the internal port has nothing to publish about itself (issue 13, item 8).
void runService(
  'cities',
  () => readCitiesConfig(),
  (config) => AppModule.forRoot(config),
);
