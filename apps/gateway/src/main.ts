// First of all: sizes libuv's thread pool before anything can start it (see the file).
import './uv-threadpool';
import 'reflect-metadata';
import { runService, startTracing } from '@c2c/platform';
import { AppModule } from './app.module';
import { readGatewayConfig } from './config';
import { gatewayAppOptions } from './gateway-app';

// Before anything is built or served; without OTEL_EXPORTER_OTLP_ENDPOINT it registers nothing.
startTracing('gateway');
void runService(
  'gateway',
  () => readGatewayConfig(),
  (config) => AppModule.forRoot(config),
  (config) => gatewayAppOptions(config),
);
