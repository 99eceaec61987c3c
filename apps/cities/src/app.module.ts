import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, gatewayIssuer } from '@c2c/auth';
import { MessagingModule } from '@c2c/messaging';
import { PersistenceModule } from '@c2c/persistence';
import { HealthModule, LoggingModule } from '@c2c/platform';
import { CitiesModule } from './cities/cities.module';
import { CityEntity } from './cities/city.entity';
import { CitiesConfig } from './config';
import { citiesMigrations } from './migrations';

export const CITIES_SCHEMA = 'cities';

export interface CitiesAppOptions {
  /** Run the outbox relay in this process (default true); one-off jobs leave it to the service. */
  relay?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: CitiesConfig, options: CitiesAppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot('cities', config.LOG_LEVEL),
        HealthModule,
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          schema: CITIES_SCHEMA,
          entities: [CityEntity],
          migrations: citiesMigrations,
          applicationName: 'cities',
        }),
        MessagingModule.forRoot({
          service: 'cities',
          schema: CITIES_SCHEMA,
          databaseUrl: config.DATABASE_URL,
          brokers: config.KAFKA_BROKERS.split(','),
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          relay: options.relay ?? true,
        }),
        // Deny by default: every route but the health probes needs a token the gateway issued.
        AuthModule.forRoot({
          issuers: [gatewayIssuer(config)],
        }),
        CitiesModule,
      ],
    };
  }
}
