import 'reflect-metadata';
import { runService, startTracing } from '@c2c/platform';
import { AppModule } from './app.module';
import { readNotificationsConfig } from './config';

// Before anything is built or served; without OTEL_EXPORTER_OTLP_ENDPOINT it registers nothing.
startTracing('notifications');
void runService(
  'notifications',
  () => readNotificationsConfig(),
  (config) => AppModule.forRoot(config),
);
