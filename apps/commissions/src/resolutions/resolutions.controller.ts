import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
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
import { ActionParams } from '../commissions/dto/route-params.dto';
import {
  ActionResponse,
  AdoptResolutionDto,
  ChangeActionStatusDto,
  ResolutionResponse,
  toActionResponse,
  toResolutionResponse,
} from './dto/resolution.dto';
import { AdoptResolution } from './usecases/adopt-resolution.usecase';
import { ChangeActionStatus } from './usecases/change-action-status.usecase';
import { FindResolutions } from './usecases/find-resolutions.query';

/** Resolutions and declarations of a commission, and the follow-up of their actions. */
@ApiTags('commissions')
@ApiBearerAuth()
@Controller('commissions/:id/resolutions')
export class ResolutionsController {
  constructor(
    private readonly find: FindResolutions,
    private readonly adoption: AdoptResolution,
    private readonly statusChange: ChangeActionStatus,
  ) {}

  @Post()
  @Roles('secretariat', 'commission-officer')
  @ApiOperation({
    operationId: 'adoptCommissionResolution',
    summary:
      'Record a resolution or declaration adopted at a held meeting (secretariat, or an officer of this commission)',
    description:
      'Only a held meeting adopts (409 `meeting-not-held`, with `currentStatus`). Every action starts `open`.',
  })
  @CreatesVersioned(ResolutionResponse, 400, 403, 404, 409)
  @Unprocessable(
    'Type `meeting-unknown`: `meetingId` is not a meeting of this commission. Type `city-unknown`: an ' +
      "action's `ownerCityId` is a city this service does not know, or an archived one (`errors` names each).",
  )
  async adopt(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: AdoptResolutionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResolutionResponse> {
    const resolution = await this.adoption.execute(user, id, body);
    void reply.header('location', `/commissions/${id}/resolutions/${resolution.id}`);
    return withETag(reply, resolution.version, toResolutionResponse(resolution));
  }

  @Get()
  @ApiOperation({
    operationId: 'listCommissionResolutions',
    summary: "A commission's resolutions and declarations with their actions, newest first",
  })
  @ReturnsPage(ResolutionResponse, 400, 404)
  async list(@Param() { id }: IdParams, @Query() page: PageQueryDto): Promise<Page<ResolutionResponse>> {
    const resolutions = await this.find.page(id, page.limit, page.cursor);
    return { ...resolutions, items: resolutions.items.map(toResolutionResponse) };
  }

  @Patch(':rid/actions/:aid')
  @Roles('secretariat', 'commission-officer', 'city-officer')
  @ApiOperation({
    operationId: 'changeCommissionActionStatus',
    summary:
      "Change a follow-up action's status (secretariat, an officer of this commission or of the owner city)",
    description:
      'A done or dropped action does not change again (409 `action-ended`, with `currentStatus`). The same ' +
      'status again changes nothing.',
  })
  @ApiIfMatch(true)
  @ReturnsVersioned(ActionResponse, 400, 403, 404, 409, 412, 428)
  async changeStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id, rid, aid }: ActionParams,
    @Body() body: ChangeActionStatusDto,
    @ExpectedVersion(true) expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActionResponse> {
    const action = await this.statusChange.execute(user, id, rid, aid, body.status, expectedVersion);
    return withETag(reply, action.version, toActionResponse(action));
  }
}
