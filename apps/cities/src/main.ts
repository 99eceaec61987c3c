import 'reflect-metadata';
import { runService } from '@c2c/platform';
import { AppModule } from './app.module';
import { readCitiesConfig } from './config';

void runService(
  'cities',
  () => readCitiesConfig(),
  (config) => AppModule.forRoot(config),
);
