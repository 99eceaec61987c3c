import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@c2c/auth';
import { ApiPageResponse, ApiProblemResponses, Page, PageQueryDto } from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import { ListPartnershipsDto } from './dto/list-partnerships.dto';
import { HistoryEntryView, PartnershipView } from './dto/partnership-view.dto';
import { ProposePartnershipDto } from './dto/propose-partnership.dto';
import { PartnershipErrorFilter } from './partnership-error.filter';
import { PartnershipQueries } from './partnership-queries';
import { toPartnershipView } from './partnership.views';
import { ProposePartnership } from './usecases/propose-partnership.usecase';

@ApiTags('partnerships')
@ApiBearerAuth()
@UseFilters(PartnershipErrorFilter)
@Controller('partnerships')
export class PartnershipsController {
  constructor(
    private readonly queries: PartnershipQueries,
    private readonly proposal: ProposePartnership,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List partnerships, newest first; filter by status, type or participant city' })
  @ApiPageResponse(PartnershipView)
  @ApiProblemResponses(400, 401)
  list(@Query() query: ListPartnershipsDto): Promise<Page<PartnershipView>> {
    return this.queries.list(query);
  }

  @Post()
  @Roles('secretariat', 'city-officer')
  @ApiOperation({ summary: 'Propose a partnership (the proposer accepts by proposing)' })
  @ApiCreatedResponse({ type: PartnershipView })
  @ApiProblemResponses(400, 401, 403)
  async propose(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ProposePartnershipDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PartnershipView> {
    const view = toPartnershipView(await this.proposal.execute(user, body));
    void reply.header('location', `/partnerships/${view.id}`);
    return view;
  }

  @Get(':id')
  @ApiOkResponse({ type: PartnershipView })
  @ApiProblemResponses(400, 401, 404)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PartnershipView> {
    return this.queries.get(id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every change of the partnership: who, when, why, oldest first' })
  @ApiPageResponse(HistoryEntryView)
  @ApiProblemResponses(400, 401, 404)
  history(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<HistoryEntryView>> {
    return this.queries.history(id, page.limit, page.cursor);
  }
}
