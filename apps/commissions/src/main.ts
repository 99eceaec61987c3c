import 'reflect-metadata';
import { runService, startTracing } from '@c2c/platform';
import { AppModule } from './app.module';
import { readCommissionsConfig } from './config';

// Before anything is built or served; without OTEL_EXPORTER_OTLP_ENDPOINT it registers nothing.
startTracing('commissions');
void runService(
  'commissions',
  () => readCommissionsConfig(),
  (config) => AppModule.forRoot(config),
);
