import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, gatewayIssuer } from '@c2c/auth';
import { MessagingModule } from '@c2c/messaging';
import { PersistenceModule } from '@c2c/persistence';
import { HealthModule, LoggingModule } from '@c2c/platform';
import { CityModelModule } from './city-model/city-model.module';
import { CityRecordEntity } from './city-model/city-record.entity';
import { Clock } from './clock';
import { PartnershipsConfig } from './config';
import { DetectionsModule } from './detections/detections.module';
import { partnershipsMigrations } from './migrations';
import { ActivityEntity } from './partnerships/activity.entity';
import { HistoryEntity } from './partnerships/history.entity';
import { ParticipantEntity } from './partnerships/participant.entity';
import { PartnershipEntity } from './partnerships/partnership.entity';
import { PartnershipsModule } from './partnerships/partnerships.module';

export const PARTNERSHIPS_SCHEMA = 'partnerships';

export const PARTNERSHIPS_ENTITIES = [
  CityRecordEntity,
  PartnershipEntity,
  ParticipantEntity,
  HistoryEntity,
  ActivityEntity,
];

@Module({})
export class AppModule {
  static forRoot(config: PartnershipsConfig): DynamicModule {
    return {
      module: AppModule,
      // The configuration and the clock are the app's own, needed by every feature.
      global: true,
      imports: [
        LoggingModule.forRoot('partnerships', config.LOG_LEVEL),
        HealthModule,
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          schema: PARTNERSHIPS_SCHEMA,
          entities: PARTNERSHIPS_ENTITIES,
          migrations: partnershipsMigrations,
          applicationName: 'partnerships',
        }),
        MessagingModule.forRoot({
          service: 'partnerships',
          schema: PARTNERSHIPS_SCHEMA,
          databaseUrl: config.DATABASE_URL,
          brokers: config.KAFKA_BROKERS.split(','),
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          // Consumer groups are namespaced like topics: apps under different prefixes (parallel test
          // files, two environments on one broker) must not join one group and split its partitions.
          groupId: `${config.KAFKA_TOPIC_PREFIX}partnerships`,
        }),
        // Tokens come from the gateway (it proxies /api/v1/partnerships… here); this app only verifies.
        AuthModule.forRoot({
          issuers: [gatewayIssuer(config)],
        }),
        CityModelModule,
        PartnershipsModule,
        DetectionsModule,
      ],
      providers: [{ provide: PartnershipsConfig, useValue: config }, Clock],
      exports: [PartnershipsConfig, Clock],
    };
  }
}
