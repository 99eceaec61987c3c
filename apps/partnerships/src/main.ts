import 'reflect-metadata';
import { runService, startTracing } from '@c2c/platform';
import { AppModule } from './app.module';
import { readPartnershipsConfig } from './config';

// Before anything is built or served; without OTEL_EXPORTER_OTLP_ENDPOINT it registers nothing.
startTracing('partnerships');
void runService(
  'partnerships',
  () => readPartnershipsConfig(),
  (config) => AppModule.forRoot(config),
);
