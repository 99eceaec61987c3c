import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActsForCityInPath, AuthenticatedUser, CurrentUser, Roles } from '@c2c/auth';
import { ApiIfMatch, ExpectedVersion, type Page } from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import { ReturnsPage, ReturnsVersioned, withETag } from './commission-route.decorators';
import { LeaveCommissionDto } from './dto/leave-commission.dto';
import { ListMembershipsDto } from './dto/list-memberships.dto';
import { MembershipResponse, toMembershipResponse } from './dto/membership-response.dto';
import { MemberParams } from './dto/route-params.dto';
import { FindMemberships } from './usecases/find-memberships.query';
import { LeaveCommission } from './usecases/leave-commission.usecase';

/** Memberships across commissions (the city dossier reads a city's here), and a member leaving. */
@ApiTags('commissions')
@ApiBearerAuth()
@Controller()
export class MembershipsController {
  constructor(
    private readonly memberships: FindMemberships,
    private readonly leaving: LeaveCommission,
  ) {}

  @Get('memberships')
  @ApiOperation({
    operationId: 'listMemberships',
    summary: 'Current commission memberships, oldest admission first; filter by city or commission',
  })
  @ReturnsPage(MembershipResponse, 400)
  async list(@Query() query: ListMembershipsDto): Promise<Page<MembershipResponse>> {
    const { cityId, commissionId, limit, cursor } = query;
    const page = await this.memberships.page({ cityId, commissionId }, limit, cursor);
    return { ...page, items: page.items.map(toMembershipResponse) };
  }

  @Post('commissions/:id/members/:cityId/departure')
  @HttpCode(200)
  @Roles('secretariat', 'city-officer')
  @ActsForCityInPath('cityId')
  @ApiOperation({
    operationId: 'leaveCommission',
    summary: 'A member city leaves the commission (secretariat, or an officer of that city)',
    description: 'A chair or vice-chair that leaves gives up the office; the commission gets a new ETag.',
  })
  @ApiIfMatch(false)
  // The reason is optional: no body at all is a departure without one.
  @ApiBody({ type: LeaveCommissionDto, required: false })
  @ReturnsVersioned(MembershipResponse, 400, 403, 404, 412)
  async leave(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id, cityId }: MemberParams,
    @Body() body: LeaveCommissionDto,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MembershipResponse> {
    const membership = await this.leaving.execute(user, id, cityId, body.reason ?? null, expectedVersion);
    return withETag(reply, membership.version, toMembershipResponse(membership));
  }
}
