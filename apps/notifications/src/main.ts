import 'reflect-metadata';
import { runService } from '@c2c/platform';
import { AppModule } from './app.module';
import { readNotificationsConfig } from './config';

void runService(
  'notifications',
  () => readNotificationsConfig(),
  (config) => AppModule.forRoot(config),
);
