import 'reflect-metadata';
import { runService } from '@c2c/platform';
import { AppModule } from './app.module';
import { readCommissionsConfig } from './config';

void runService(
  'commissions',
  () => readCommissionsConfig(),
  (config) => AppModule.forRoot(config),
);
