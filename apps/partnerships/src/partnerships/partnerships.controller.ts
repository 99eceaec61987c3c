import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@c2c/auth';
import { IdParams, type Page, PageQueryDto } from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import { HistoryEntryResponse, toHistoryEntryResponse } from './dto/history-entry-response.dto';
import { ListPartnershipsDto } from './dto/list-partnerships.dto';
import { PartnershipResponse, toPartnershipResponse } from './dto/partnership-response.dto';
import { ProposePartnershipDto } from './dto/propose-partnership.dto';
import {
  answer,
  CreatesPartnership,
  RefusesCitiesOutside,
  ReturnsPage,
  ReturnsPartnership,
} from './partnership-route.decorators';
import { FindPartnershipHistory } from './usecases/find-partnership-history.query';
import { FindPartnerships } from './usecases/find-partnerships.query';
import { ProposePartnership } from './usecases/propose-partnership.usecase';

/** Reads, and the proposal that starts a partnership. Reads carry no `@Roles`: any signed-in role reads. */
@ApiTags('partnerships')
@ApiBearerAuth()
@Controller('partnerships')
export class PartnershipsController {
  constructor(
    private readonly findPartnerships: FindPartnerships,
    private readonly findHistory: FindPartnershipHistory,
    private readonly proposal: ProposePartnership,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listPartnerships',
    summary: 'List partnerships, newest first; filter by status, type or participant city',
  })
  @ReturnsPage(PartnershipResponse, 400)
  async list(@Query() query: ListPartnershipsDto): Promise<Page<PartnershipResponse>> {
    const { status, type, cityId, limit, cursor } = query;
    const page = await this.findPartnerships.page({ status, type, cityId }, limit, cursor);
    return { ...page, items: page.items.map(toPartnershipResponse) };
  }

  @Post()
  @Roles('secretariat', 'city-officer')
  @ApiOperation({
    operationId: 'proposePartnership',
    summary: 'Propose a partnership (secretariat, or an officer of the proposing city)',
    description:
      'Two or more known, unarchived cities in two or more countries. The proposer accepts by proposing; ' +
      'the partnership is `proposed` until every partner has accepted. A signatory of the agreement signs ' +
      'for a participant (422 otherwise). A city has at most a configured number of proposals open ' +
      '(`proposed`) at once: 409 `too-many-open-proposals`, with the `limit`.',
  })
  @CreatesPartnership(400, 403, 409)
  @RefusesCitiesOutside()
  async propose(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ProposePartnershipDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PartnershipResponse> {
    const state = await this.proposal.execute(user, body);
    void reply.header('location', `/partnerships/${state.id}`);
    return answer(reply, state);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getPartnership', summary: 'Read a partnership' })
  @ReturnsPartnership(400, 404)
  async get(
    @Param() { id }: IdParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PartnershipResponse> {
    return answer(reply, await this.findPartnerships.byId(id));
  }

  @Get(':id/history')
  @ApiOperation({
    operationId: 'getPartnershipHistory',
    summary: 'Every change of a partnership: who, when and why, oldest first',
  })
  @ReturnsPage(HistoryEntryResponse, 400, 404)
  async history(@Param() { id }: IdParams, @Query() page: PageQueryDto): Promise<Page<HistoryEntryResponse>> {
    const entries = await this.findHistory.page(id, page.limit, page.cursor);
    return { ...entries, items: entries.items.map(toHistoryEntryResponse) };
  }
}
