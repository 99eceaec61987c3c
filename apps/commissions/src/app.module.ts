import { DynamicModule, Module } from '@nestjs/common';
import { CityModelModule, CityRecordEntity } from '@c2c/city-model';
import { ServiceModule } from '@c2c/service';
import { BestPracticeEntity, PracticeTransferEntity } from './best-practices/best-practice.entity';
import { CommissionEntity } from './commissions/commission.entity';
import { CommissionsModule } from './commissions/commissions.module';
import { MembershipRequestEntity } from './commissions/membership-request.entity';
import { MembershipEntity } from './commissions/membership.entity';
import { CommissionsConfig } from './config';
import { MeetingEntity } from './meetings/meeting.entity';
import { PartnershipRecordEntity } from './partnership-model/partnership-record.entity';
import { OverdueModule } from './overdue/overdue.module';
import { ResolutionActionEntity, ResolutionEntity } from './resolutions/resolution.entity';
import { commissionsMigrations } from './migrations';

export const COMMISSIONS_SCHEMA = 'commissions';

export const COMMISSIONS_ENTITIES = [
  CityRecordEntity,
  CommissionEntity,
  MembershipEntity,
  MembershipRequestEntity,
  MeetingEntity,
  ResolutionEntity,
  ResolutionActionEntity,
  BestPracticeEntity,
  PracticeTransferEntity,
  PartnershipRecordEntity,
];

/** How the app runs: as the service (the default), or as a one-off job beside it (demo data). */
export interface AppModuleOptions {
  /** A job leaves the outbox, the topics and the city model's rebuild to the running service. */
  job?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: CommissionsConfig, options: AppModuleOptions = {}): DynamicModule {
    const job = options.job === true;
    return {
      module: AppModule,
      imports: [
        // Tokens come from the gateway (it proxies /api/v1/commissions… here); this app only verifies.
        ServiceModule.forRoot({
          name: 'commissions',
          config,
          database: {
            schema: COMMISSIONS_SCHEMA,
            entities: COMMISSIONS_ENTITIES,
            migrations: commissionsMigrations,
          },
          messaging: { relay: !job, consume: !job },
        }),
        CityModelModule.forRoot({ rebuildOnEmpty: !job && config.CITY_MODEL_REBUILD_ON_EMPTY }),
        CommissionsModule,
        ...(job ? [] : [OverdueModule]),
      ],
    };
  }
}
