import { DynamicModule, Module } from '@nestjs/common';
import { CityModelModule, CityRecordEntity } from '@c2c/city-model';
import { ServiceModule } from '@c2c/service';
import { BestPracticeRecordEntity } from './best-practice-model/best-practice-record.entity';
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
  BestPracticeRecordEntity,
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
      imports: [
        // Tokens come from the gateway (it proxies /api/v1/partnerships… here); this app only verifies.
        ServiceModule.forRoot({
          name: 'partnerships',
          config,
          database: {
            schema: PARTNERSHIPS_SCHEMA,
            entities: PARTNERSHIPS_ENTITIES,
            migrations: partnershipsMigrations,
          },
        }),
        CityModelModule.forRoot({ rebuildOnEmpty: config.CITY_MODEL_REBUILD_ON_EMPTY }),
        PartnershipsModule,
        DetectionsModule,
      ],
    };
  }
}
