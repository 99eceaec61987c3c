import 'reflect-metadata';
import { runService } from '@c2c/platform';
import { AppModule } from './app.module';
import { readPartnershipsConfig } from './config';

void runService(
  'partnerships',
  () => readPartnershipsConfig(),
  (config) => AppModule.forRoot(config),
);
