import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@c2c/messaging';
import { PersistenceModule } from '@c2c/persistence';
import { HealthModule, LoggingModule } from '@c2c/platform';
import { CitiesConfig } from './config';
import { citiesMigrations } from './migrations';

export const CITIES_SCHEMA = 'cities';

@Module({})
export class AppModule {
  static forRoot(config: CitiesConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot('cities', config.LOG_LEVEL),
        HealthModule,
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          schema: CITIES_SCHEMA,
          entities: [],
          migrations: citiesMigrations,
          applicationName: 'cities',
        }),
        MessagingModule.forRoot({
          service: 'cities',
          schema: CITIES_SCHEMA,
          databaseUrl: config.DATABASE_URL,
          brokers: config.KAFKA_BROKERS.split(','),
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
        }),
      ],
    };
  }
}
