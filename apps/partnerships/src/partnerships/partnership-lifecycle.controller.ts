import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@c2c/auth';
import { ApiProblemResponses } from '@c2c/platform';
import { AcceptPartnershipDto, DeclinePartnershipDto, StatusChangeDto } from './dto/acceptance.dto';
import { ActivityView, PartnershipView } from './dto/partnership-view.dto';
import { RecordActivityDto } from './dto/record-activity.dto';
import { PartnershipErrorFilter } from './partnership-error.filter';
import { toPartnershipView } from './partnership.views';
import { AcceptPartnership } from './usecases/accept-partnership.usecase';
import { ChangePartnershipStatus, StatusChange } from './usecases/change-partnership-status.usecase';
import { DeclinePartnership } from './usecases/decline-partnership.usecase';
import { RecordActivity } from './usecases/record-activity.usecase';

/** The lifecycle commands. A refused transition is a 409 problem naming the current status. */
@ApiTags('partnerships')
@ApiBearerAuth()
@Roles('secretariat', 'city-officer')
@UseFilters(PartnershipErrorFilter)
@ApiProblemResponses(400, 401, 403, 404, 409)
@Controller('partnerships/:id')
export class PartnershipLifecycleController {
  constructor(
    private readonly acceptance: AcceptPartnership,
    private readonly decline: DeclinePartnership,
    private readonly statusChange: ChangePartnershipStatus,
    private readonly activity: RecordActivity,
  ) {}

  @Post('acceptances')
  @HttpCode(200)
  @ApiOperation({ summary: 'A participant city accepts; the last acceptance activates the partnership' })
  @ApiOkResponse({ type: PartnershipView })
  async accept(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AcceptPartnershipDto,
  ) {
    return toPartnershipView(await this.acceptance.execute(user, id, body.cityId));
  }

  @Post('declines')
  @HttpCode(200)
  @ApiOperation({ summary: 'An invited city declines the proposal' })
  @ApiOkResponse({ type: PartnershipView })
  async declines(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DeclinePartnershipDto,
  ) {
    return toPartnershipView(await this.decline.execute(user, id, body.cityId, body.reason));
  }

  @Post('withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'The proposer withdraws its proposal' })
  @ApiOkResponse({ type: PartnershipView })
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StatusChangeDto,
  ) {
    return this.change(user, id, 'withdraw', body);
  }

  @Post('suspension')
  @HttpCode(200)
  @ApiOkResponse({ type: PartnershipView })
  suspend(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StatusChangeDto,
  ) {
    return this.change(user, id, 'suspend', body);
  }

  @Post('resumption')
  @HttpCode(200)
  @ApiOkResponse({ type: PartnershipView })
  resume(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StatusChangeDto,
  ) {
    return this.change(user, id, 'resume', body);
  }

  @Post('termination')
  @HttpCode(200)
  @ApiOkResponse({ type: PartnershipView })
  terminate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StatusChangeDto,
  ) {
    return this.change(user, id, 'terminate', body);
  }

  @Post('activities')
  @ApiOperation({ summary: 'Record an activity (exchange, visit, workshop, practice transfer …)' })
  @ApiCreatedResponse({ type: ActivityView })
  recordActivity(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordActivityDto,
  ) {
    return this.activity.execute(user, id, { ...body, endDate: body.endDate ?? null });
  }

  private async change(user: AuthenticatedUser, id: string, change: StatusChange, body: StatusChangeDto) {
    return toPartnershipView(await this.statusChange.execute(user, id, change, body.reason));
  }
}
