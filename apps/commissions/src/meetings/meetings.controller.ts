import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@c2c/auth';
import { ApiIfMatch, ExpectedVersion, IdParams, type Page, PageQueryDto } from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import {
  CreatesVersioned,
  ReturnsPage,
  ReturnsVersioned,
  Unprocessable,
  withETag,
} from '../commissions/commission-route.decorators';
import { MeetingParams } from '../commissions/dto/route-params.dto';
import {
  CancelMeetingDto,
  HoldMeetingDto,
  MeetingResponse,
  ScheduleMeetingDto,
  toMeetingResponse,
} from './dto/meeting.dto';
import { CancelMeeting } from './usecases/cancel-meeting.usecase';
import { FindMeetings } from './usecases/find-meetings.query';
import { HoldMeeting } from './usecases/hold-meeting.usecase';
import { ScheduleMeeting } from './usecases/schedule-meeting.usecase';

const NOT_SCHEDULED =
  'Only a scheduled meeting is held or cancelled (409 `meeting-not-scheduled`, with `currentStatus`).';

/** A commission's meetings: scheduled, then held or cancelled. Reads are open to every signed-in role. */
@ApiTags('commissions')
@ApiBearerAuth()
@Controller('commissions/:id/meetings')
export class MeetingsController {
  constructor(
    private readonly find: FindMeetings,
    private readonly scheduling: ScheduleMeeting,
    private readonly holding: HoldMeeting,
    private readonly cancelling: CancelMeeting,
  ) {}

  @Post()
  @Roles('secretariat', 'commission-officer')
  @ApiOperation({
    operationId: 'scheduleCommissionMeeting',
    summary: 'Schedule a meeting (secretariat, or an officer of this commission)',
    description: 'In a host city, online, or both: at least one of `hostCityId` and `onlineUrl` (400).',
  })
  @CreatesVersioned(MeetingResponse, 400, 403, 404)
  @Unprocessable(
    'Type `city-unknown`: `hostCityId` is a city this service does not know, or an archived one.',
  )
  async schedule(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: ScheduleMeetingDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeetingResponse> {
    const meeting = await this.scheduling.execute(user, id, body);
    void reply.header('location', `/commissions/${id}/meetings/${meeting.id}`);
    return withETag(reply, meeting.version, toMeetingResponse(meeting));
  }

  @Get()
  @ApiOperation({ operationId: 'listCommissionMeetings', summary: "A commission's meetings, earliest first" })
  @ReturnsPage(MeetingResponse, 400, 404)
  async list(@Param() { id }: IdParams, @Query() page: PageQueryDto): Promise<Page<MeetingResponse>> {
    const meetings = await this.find.page(id, page.limit, page.cursor);
    return { ...meetings, items: meetings.items.map(toMeetingResponse) };
  }

  @Post(':mid/minutes')
  @HttpCode(200)
  @Roles('secretariat', 'commission-officer')
  @ApiOperation({
    operationId: 'holdCommissionMeeting',
    summary:
      'Record that the meeting was held: attendance by city and minutes (secretariat, or an officer of this commission)',
    description: NOT_SCHEDULED,
  })
  @ApiIfMatch(false)
  @ReturnsVersioned(MeetingResponse, 400, 403, 404, 409, 412)
  @Unprocessable('Type `city-unknown`: `attendingCityIds` names a city this service never knew.')
  async hold(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id, mid }: MeetingParams,
    @Body() body: HoldMeetingDto,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeetingResponse> {
    const meeting = await this.holding.execute(user, id, mid, body, expectedVersion);
    return withETag(reply, meeting.version, toMeetingResponse(meeting));
  }

  @Post(':mid/cancellation')
  @HttpCode(200)
  @Roles('secretariat', 'commission-officer')
  @ApiOperation({
    operationId: 'cancelCommissionMeeting',
    summary: 'Cancel the meeting, saying why (secretariat, or an officer of this commission)',
    description: NOT_SCHEDULED,
  })
  @ApiIfMatch(false)
  @ReturnsVersioned(MeetingResponse, 400, 403, 404, 409, 412)
  async cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id, mid }: MeetingParams,
    @Body() body: CancelMeetingDto,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeetingResponse> {
    const meeting = await this.cancelling.execute(user, id, mid, body.reason, expectedVersion);
    return withETag(reply, meeting.version, toMeetingResponse(meeting));
  }
}
