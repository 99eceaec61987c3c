import { Body, Controller, Get, Param, Patch, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@c2c/auth';
import { ApiIfMatch, ExpectedVersion, IdParams, type Page, PageQueryDto } from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import { ReturnsPage, ReturnsVersioned, Unprocessable, withETag } from './commission-route.decorators';
import {
  CommissionPageResponse,
  CommissionResponse,
  toCommissionPageResponse,
  toCommissionResponse,
} from './dto/commission-response.dto';
import { MembershipResponse, toMembershipResponse } from './dto/membership-response.dto';
import { UpdateCommissionDto } from './dto/update-commission.dto';
import { FindCommissions } from './usecases/find-commissions.query';
import { FindMemberships } from './usecases/find-memberships.query';
import { UpdateCommission } from './usecases/update-commission.usecase';

/** The commissions and their members. Reads carry no `@Roles`: any signed-in role reads. */
@ApiTags('commissions')
@ApiBearerAuth()
@Controller('commissions')
export class CommissionsController {
  constructor(
    private readonly findCommissions: FindCommissions,
    private readonly findMemberships: FindMemberships,
    private readonly update: UpdateCommission,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listCommissions',
    summary: "The forum's three commissions, by number (one page: `nextCursor` is always null)",
  })
  @ReturnsPage(CommissionResponse)
  async list(): Promise<Page<CommissionResponse>> {
    const commissions = await this.findCommissions.all();
    return { items: commissions.map(toCommissionResponse), nextCursor: null };
  }

  @Get(':id')
  @ApiOperation({
    operationId: 'getCommission',
    summary: "Read a commission: mandate, period, officers, and its member cities' active partnerships",
  })
  @ReturnsVersioned(CommissionPageResponse, 400, 404)
  async get(
    @Param() { id }: IdParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommissionPageResponse> {
    const page = await this.findCommissions.byId(id);
    return withETag(reply, page.commission.version, toCommissionPageResponse(page));
  }

  @Patch(':id')
  @Roles('secretariat')
  @ApiOperation({
    operationId: 'updateCommission',
    summary: 'Set the mandate, its period, the chair and vice-chairs (secretariat)',
    description:
      'Fields left out keep their value. Chair and vice-chairs are member cities (422 `city-not-member`, ' +
      'with `errors` naming each field and its `cityIds`); the chair is not also a vice-chair (400).',
  })
  @ApiIfMatch(true)
  @ReturnsVersioned(CommissionResponse, 400, 403, 404, 412, 428)
  @Unprocessable('Type `city-not-member`: a chair or vice-chair named is not a member of the commission.')
  async change(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: UpdateCommissionDto,
    @ExpectedVersion(true) expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommissionResponse> {
    const commission = await this.update.execute(user, id, body, expectedVersion);
    return withETag(reply, commission.version, toCommissionResponse(commission));
  }

  @Get(':id/members')
  @ApiOperation({
    operationId: 'listCommissionMembers',
    summary: "A commission's member cities with their role and since-date, oldest admission first",
  })
  @ReturnsPage(MembershipResponse, 400, 404)
  async members(@Param() { id }: IdParams, @Query() page: PageQueryDto): Promise<Page<MembershipResponse>> {
    const members = await this.findMemberships.membersOf(id, page.limit, page.cursor);
    return { ...members, items: members.items.map(toMembershipResponse) };
  }
}
