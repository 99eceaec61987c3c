import 'reflect-metadata';
import { runService } from '@c2c/platform';
import { setUpApiDocs } from './api-docs';
import { AppModule } from './app.module';
import { readCitiesConfig } from './config';

void runService(
  'cities',
  () => readCitiesConfig(),
  (config) => AppModule.forRoot(config),
  { configure: setUpApiDocs },
);
