import { Module } from '@nestjs/common';
import { CityModel } from '@c2c/city-model';
import { BestPracticeModelModule } from '../best-practice-model/best-practice-model.module';
import { BestPracticeModel } from '../best-practice-model/best-practice-model.service';
import { PartnershipsConfig } from '../config';
import { CityArchivedHandlers } from './city-archived.handlers';
import { PartnershipChangesRecorder } from './partnership-changes.recorder';
import { PartnershipLifecycleController } from './partnership-lifecycle.controller';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipsRepository } from './partnerships.repository';
import { AcceptPartnership } from './usecases/accept-partnership.usecase';
import { ChangePartnershipStatus } from './usecases/change-partnership-status.usecase';
import { DeclinePartnership } from './usecases/decline-partnership.usecase';
import { FindPartnershipHistory } from './usecases/find-partnership-history.query';
import { FindPartnerships } from './usecases/find-partnerships.query';
import {
  BEST_PRACTICE_STORE,
  CITY_STORE,
  OPEN_PROPOSAL_STORE,
  PARTNERSHIP_READ_STORE,
  PARTNERSHIP_STORE,
  PROPOSAL_LIMITS,
  type ProposalLimits,
} from './usecases/ports';
import { ProposePartnership } from './usecases/propose-partnership.usecase';
import { RecordActivity } from './usecases/record-activity.usecase';
import { SuspendPartnershipsOfArchivedCity } from './usecases/suspend-partnerships-of-archived-city.usecase';

@Module({
  imports: [BestPracticeModelModule],
  controllers: [PartnershipsController, PartnershipLifecycleController],
  providers: [
    PartnershipsRepository,
    { provide: PARTNERSHIP_STORE, useExisting: PartnershipsRepository },
    { provide: PARTNERSHIP_READ_STORE, useExisting: PartnershipsRepository },
    { provide: OPEN_PROPOSAL_STORE, useExisting: PartnershipsRepository },
    { provide: CITY_STORE, useExisting: CityModel },
    { provide: BEST_PRACTICE_STORE, useExisting: BestPracticeModel },
    {
      provide: PROPOSAL_LIMITS,
      inject: [PartnershipsConfig],
      useFactory: (config: PartnershipsConfig): ProposalLimits => ({
        maxOpenPerCity: config.MAX_OPEN_PROPOSALS_PER_CITY,
      }),
    },
    PartnershipChangesRecorder,
    FindPartnerships,
    FindPartnershipHistory,
    ProposePartnership,
    AcceptPartnership,
    DeclinePartnership,
    ChangePartnershipStatus,
    RecordActivity,
    SuspendPartnershipsOfArchivedCity,
    CityArchivedHandlers,
  ],
  // Detections record their findings as changes, like any use case.
  exports: [PartnershipChangesRecorder],
})
export class PartnershipsModule {}
