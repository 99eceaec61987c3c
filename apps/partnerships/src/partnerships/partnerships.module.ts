import { Module } from '@nestjs/common';
import { CityModelModule } from '../city-model/city-model.module';
import { CityArchivedHandlers } from './city-archived.handlers';
import { PartnershipLifecycleController } from './partnership-lifecycle.controller';
import { PartnershipQueries } from './partnership-queries';
import { PartnershipQueriesRepository } from './partnership-queries.repository';
import { PartnershipStore } from './partnership-store';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipsRepository } from './partnerships.repository';
import { AcceptPartnership } from './usecases/accept-partnership.usecase';
import { ChangePartnershipStatus } from './usecases/change-partnership-status.usecase';
import { DeclinePartnership } from './usecases/decline-partnership.usecase';
import { ProposePartnership } from './usecases/propose-partnership.usecase';
import { RecordActivity } from './usecases/record-activity.usecase';
import { SuspendPartnershipsOfArchivedCity } from './usecases/suspend-partnerships-of-archived-city.usecase';

@Module({
  imports: [CityModelModule],
  controllers: [PartnershipsController, PartnershipLifecycleController],
  providers: [
    PartnershipsRepository,
    PartnershipQueriesRepository,
    PartnershipStore,
    PartnershipQueries,
    ProposePartnership,
    AcceptPartnership,
    DeclinePartnership,
    ChangePartnershipStatus,
    RecordActivity,
    SuspendPartnershipsOfArchivedCity,
    CityArchivedHandlers,
  ],
  exports: [PartnershipStore],
})
export class PartnershipsModule {}
