import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@c2c/auth';
import { ApiIfMatch, ExpectedVersion, IdParams, type Page } from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import {
  CreatesVersioned,
  ReturnsPage,
  ReturnsVersioned,
  Unprocessable,
  withETag,
} from './commission-route.decorators';
import { RejectMembershipRequestDto } from './dto/decide-membership-request.dto';
import { ListMembershipRequestsDto } from './dto/list-memberships.dto';
import {
  ApprovalResponse,
  MembershipRequestResponse,
  toMembershipRequestResponse,
} from './dto/membership-request-response.dto';
import { toMembershipResponse } from './dto/membership-response.dto';
import { RequestMembershipDto } from './dto/request-membership.dto';
import { RequestParams } from './dto/route-params.dto';
import { ApproveMembershipRequest } from './usecases/approve-membership-request.usecase';
import { FindMembershipRequests } from './usecases/find-membership-requests.query';
import { RejectMembershipRequest } from './usecases/reject-membership-request.usecase';
import { RequestMembership } from './usecases/request-membership.usecase';

const NOT_ELIGIBLE =
  'Type `city-not-eligible`: the city is unknown to this service, archived, or not an active AMF member.';

/** Applications to join a commission, and the commission's decisions about them. */
@ApiTags('commissions')
@ApiBearerAuth()
@Controller('commissions/:id/membership-requests')
export class MembershipRequestsController {
  constructor(
    private readonly requests: FindMembershipRequests,
    private readonly application: RequestMembership,
    private readonly approval: ApproveMembershipRequest,
    private readonly rejection: RejectMembershipRequest,
  ) {}

  @Post()
  @Roles('secretariat', 'city-officer')
  @ApiOperation({
    operationId: 'requestCommissionMembership',
    summary: 'A city applies to join the commission (secretariat, or an officer of that city)',
    description:
      'Only an active AMF member city applies (422 `city-not-eligible`). A city that is a member already ' +
      '(409 `already-member`) or has a pending request (409 `already-applied`, with its `pendingRequestId`) ' +
      'cannot apply again.',
  })
  @CreatesVersioned(MembershipRequestResponse, 400, 403, 404, 409)
  @Unprocessable(NOT_ELIGIBLE)
  async apply(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: RequestMembershipDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MembershipRequestResponse> {
    const request = await this.application.execute(user, id, body);
    void reply.header('location', `/commissions/${id}/membership-requests/${request.id}`);
    return withETag(reply, request.version, toMembershipRequestResponse(request));
  }

  @Get()
  @ApiOperation({
    operationId: 'listCommissionMembershipRequests',
    summary: "A commission's membership requests, newest first; filter by status",
  })
  @ReturnsPage(MembershipRequestResponse, 400, 404)
  async list(
    @Param() { id }: IdParams,
    @Query() query: ListMembershipRequestsDto,
  ): Promise<Page<MembershipRequestResponse>> {
    const page = await this.requests.page(id, query.status, query.limit, query.cursor);
    return { ...page, items: page.items.map(toMembershipRequestResponse) };
  }

  @Get(':rid')
  @ApiOperation({ operationId: 'getCommissionMembershipRequest', summary: 'Read a membership request' })
  @ReturnsVersioned(MembershipRequestResponse, 400, 404)
  async get(
    @Param() { id, rid }: RequestParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MembershipRequestResponse> {
    const request = await this.requests.byId(id, rid);
    return withETag(reply, request.version, toMembershipRequestResponse(request));
  }

  @Post(':rid/approval')
  @HttpCode(200)
  @Roles('secretariat', 'commission-officer')
  @ApiOperation({
    operationId: 'approveCommissionMembershipRequest',
    summary: 'Admit the applicant as a member (secretariat, or an officer of this commission)',
    description:
      'Only a pending request is decided (409 `membership-request-decided`, with `currentStatus`). The ' +
      'city must still be an active AMF member (422 `city-not-eligible`).',
  })
  @ApiIfMatch(false)
  @ReturnsVersioned(ApprovalResponse, 400, 403, 404, 409, 412)
  @Unprocessable(NOT_ELIGIBLE)
  async approve(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id, rid }: RequestParams,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApprovalResponse> {
    const { request, membership } = await this.approval.execute(user, id, rid, expectedVersion);
    return withETag(reply, request.version, {
      ...toMembershipRequestResponse(request),
      membership: toMembershipResponse(membership),
    });
  }

  @Post(':rid/rejection')
  @HttpCode(200)
  @Roles('secretariat', 'commission-officer')
  @ApiOperation({
    operationId: 'rejectCommissionMembershipRequest',
    summary: 'Turn the application down, saying why (secretariat, or an officer of this commission)',
    description:
      'Only a pending request is decided (409 `membership-request-decided`, with `currentStatus`).',
  })
  @ApiIfMatch(false)
  @ReturnsVersioned(MembershipRequestResponse, 400, 403, 404, 409, 412)
  async reject(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id, rid }: RequestParams,
    @Body() body: RejectMembershipRequestDto,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MembershipRequestResponse> {
    const request = await this.rejection.execute(user, id, rid, body.reason, expectedVersion);
    return withETag(reply, request.version, toMembershipRequestResponse(request));
  }
}
