import { Body, Controller, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@c2c/auth';
import { ExpectedVersion, IdParams } from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import { AcceptPartnershipDto } from './dto/accept-partnership.dto';
import { ActivityResponse, toActivityResponse } from './dto/activity-response.dto';
import { ChangePartnershipStatusDto } from './dto/change-partnership-status.dto';
import { DeclinePartnershipDto } from './dto/decline-partnership.dto';
import type { PartnershipResponse } from './dto/partnership-response.dto';
import { RecordActivityDto } from './dto/record-activity.dto';
import { answer, LifecycleCommand, RefusesActivityNaming, withETag } from './partnership-route.decorators';
import { AcceptPartnership } from './usecases/accept-partnership.usecase';
import { ChangePartnershipStatus, StatusChange } from './usecases/change-partnership-status.usecase';
import { DeclinePartnership } from './usecases/decline-partnership.usecase';
import { RecordActivity } from './usecases/record-activity.usecase';

/** The lifecycle commands on one partnership; each answers with the partnership's new ETag. */
@ApiTags('partnerships')
@ApiBearerAuth()
@Controller('partnerships/:id')
export class PartnershipLifecycleController {
  constructor(
    private readonly acceptance: AcceptPartnership,
    private readonly decline: DeclinePartnership,
    private readonly statusChange: ChangePartnershipStatus,
    private readonly activity: RecordActivity,
  ) {}

  @LifecycleCommand('acceptances', {
    operationId: 'acceptPartnership',
    summary: 'A participant city accepts (secretariat, or an officer of that city)',
    description: 'The last acceptance makes the partnership `active`.',
  })
  async accept(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Body() body: AcceptPartnershipDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PartnershipResponse> {
    return answer(reply, await this.acceptance.execute(user, id, body.cityId, expectedVersion));
  }

  @LifecycleCommand('declines', {
    operationId: 'declinePartnership',
    summary: 'An invited city declines the proposal (secretariat, or an officer of that city)',
  })
  async declines(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Body() body: DeclinePartnershipDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PartnershipResponse> {
    return answer(reply, await this.decline.execute(user, id, body, expectedVersion));
  }

  @LifecycleCommand('withdrawal', {
    operationId: 'withdrawPartnership',
    summary: 'The proposer withdraws its proposal (secretariat, or an officer of the proposing city)',
  })
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Body() body: ChangePartnershipStatusDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PartnershipResponse> {
    return this.change(reply, user, id, 'withdraw', body, expectedVersion);
  }

  @LifecycleCommand('suspension', {
    operationId: 'suspendPartnership',
    summary: 'Suspend a partnership (secretariat, or an officer of a participant city)',
  })
  suspend(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Body() body: ChangePartnershipStatusDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PartnershipResponse> {
    return this.change(reply, user, id, 'suspend', body, expectedVersion);
  }

  @LifecycleCommand('resumption', {
    operationId: 'resumePartnership',
    summary: 'Resume a suspended partnership (secretariat, or an officer of a participant city)',
  })
  resume(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Body() body: ChangePartnershipStatusDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PartnershipResponse> {
    return this.change(reply, user, id, 'resume', body, expectedVersion);
  }

  @LifecycleCommand('termination', {
    operationId: 'terminatePartnership',
    summary: 'End a partnership for good (secretariat, or an officer of a participant city)',
  })
  terminate(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Body() body: ChangePartnershipStatusDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PartnershipResponse> {
    return this.change(reply, user, id, 'terminate', body, expectedVersion);
  }

  @LifecycleCommand(
    'activities',
    {
      operationId: 'recordPartnershipActivity',
      summary:
        'Record an activity: exchange, visit, workshop, practice transfer… (secretariat, or a participant)',
      description:
        'Clears the dormant flag. Every city named (participating, source and adopting) must be a ' +
        'participant, and a practice transfer names a practice published in the best-practice library.',
    },
    ActivityResponse,
  )
  @RefusesActivityNaming()
  async recordActivity(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Body() body: RecordActivityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActivityResponse> {
    const input = { ...body, endDate: body.endDate ?? null };
    const { activity, partnership } = await this.activity.execute(user, id, input, expectedVersion);
    withETag(reply, partnership);
    return toActivityResponse(activity);
  }

  private async change(
    reply: FastifyReply,
    user: AuthenticatedUser,
    id: string,
    change: StatusChange,
    body: ChangePartnershipStatusDto,
    expectedVersion: number | undefined,
  ): Promise<PartnershipResponse> {
    return answer(reply, await this.statusChange.execute(user, id, change, body.reason, expectedVersion));
  }
}
