import { Module } from '@nestjs/common';
import { BestPracticesController } from '../best-practices/best-practices.controller';
import { BestPracticesRepository } from '../best-practices/best-practices.repository';
import { BEST_PRACTICE_STORE } from '../best-practices/ports';
import { PracticeTransferHandlers } from '../best-practices/practice-transfer.handlers';
import { FindBestPractices } from '../best-practices/usecases/find-best-practices.query';
import { PublishBestPractice } from '../best-practices/usecases/publish-best-practice.usecase';
import { ReturnBestPractice } from '../best-practices/usecases/return-best-practice.usecase';
import { ReviseBestPractice } from '../best-practices/usecases/revise-best-practice.usecase';
import { SubmitBestPractice } from '../best-practices/usecases/submit-best-practice.usecase';
import { MeetingsController } from '../meetings/meetings.controller';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { MEETING_STORE } from '../meetings/ports';
import { CancelMeeting } from '../meetings/usecases/cancel-meeting.usecase';
import { FindMeetings } from '../meetings/usecases/find-meetings.query';
import { HoldMeeting } from '../meetings/usecases/hold-meeting.usecase';
import { ScheduleMeeting } from '../meetings/usecases/schedule-meeting.usecase';
import { RESOLUTION_STORE } from '../resolutions/ports';
import { ResolutionsController } from '../resolutions/resolutions.controller';
import { ResolutionsRepository } from '../resolutions/resolutions.repository';
import { AdoptResolution } from '../resolutions/usecases/adopt-resolution.usecase';
import { ChangeActionStatus } from '../resolutions/usecases/change-action-status.usecase';
import { FindResolutions } from '../resolutions/usecases/find-resolutions.query';
import { CityModel } from '@c2c/city-model';
import { PartnershipModelHandlers } from '../partnership-model/partnership-model.handlers';
import { PartnershipModelRepository } from '../partnership-model/partnership-model.repository';
import { CityArchivedHandlers } from './city-archived.handlers';
import { CommissionsController } from './commissions.controller';
import { CommissionsRepository } from './commissions.repository';
import { MembershipRequestsController } from './membership-requests.controller';
import { MembershipRequestsRepository } from './membership-requests.repository';
import { MembershipsController } from './memberships.controller';
import { MembershipsRepository } from './memberships.repository';
import { ApproveMembershipRequest } from './usecases/approve-membership-request.usecase';
import { EndMembershipsOfArchivedCity } from './usecases/end-memberships-of-archived-city.usecase';
import { FindCommissions } from './usecases/find-commissions.query';
import { FindMembershipRequests } from './usecases/find-membership-requests.query';
import { FindMemberships } from './usecases/find-memberships.query';
import { LeaveCommission } from './usecases/leave-commission.usecase';
import {
  CITY_STORE,
  type CityStore,
  COMMISSION_STORE,
  MEMBERSHIP_REQUEST_STORE,
  MEMBERSHIP_STORE,
  PARTNERSHIP_COUNTS,
} from './usecases/ports';
import { RejectMembershipRequest } from './usecases/reject-membership-request.usecase';
import { RequestMembership } from './usecases/request-membership.usecase';
import { UpdateCommission } from './usecases/update-commission.usecase';

@Module({
  controllers: [
    CommissionsController,
    MembershipRequestsController,
    MembershipsController,
    MeetingsController,
    ResolutionsController,
    BestPracticesController,
  ],
  providers: [
    CommissionsRepository,
    MembershipsRepository,
    MembershipRequestsRepository,
    MeetingsRepository,
    ResolutionsRepository,
    BestPracticesRepository,
    { provide: BEST_PRACTICE_STORE, useExisting: BestPracticesRepository },
    PartnershipModelRepository,
    { provide: PARTNERSHIP_COUNTS, useExisting: PartnershipModelRepository },
    PartnershipModelHandlers,
    { provide: RESOLUTION_STORE, useExisting: ResolutionsRepository },
    { provide: MEETING_STORE, useExisting: MeetingsRepository },
    { provide: COMMISSION_STORE, useExisting: CommissionsRepository },
    { provide: MEMBERSHIP_STORE, useExisting: MembershipsRepository },
    { provide: MEMBERSHIP_REQUEST_STORE, useExisting: MembershipRequestsRepository },
    {
      // A decision about a city holds its record, share-locked, against its archiving.
      provide: CITY_STORE,
      inject: [CityModel],
      useFactory: (cities: CityModel): CityStore => ({
        lockForDecision: (tx, cityId) => cities.lockForShare(tx, cityId),
        known: (tx, ids) => cities.lookup(ids, tx),
      }),
    },
    FindCommissions,
    FindMemberships,
    FindMembershipRequests,
    RequestMembership,
    ApproveMembershipRequest,
    RejectMembershipRequest,
    LeaveCommission,
    UpdateCommission,
    EndMembershipsOfArchivedCity,
    CityArchivedHandlers,
    FindMeetings,
    ScheduleMeeting,
    HoldMeeting,
    CancelMeeting,
    FindResolutions,
    AdoptResolution,
    ChangeActionStatus,
    FindBestPractices,
    SubmitBestPractice,
    ReviseBestPractice,
    PublishBestPractice,
    ReturnBestPractice,
    PracticeTransferHandlers,
  ],
})
export class CommissionsModule {}
